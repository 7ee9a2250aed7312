/**
 * Attachments as CouchDB keeps them: inline data digested and dated by `revpos`, stubs filled from
 * the stored ancestor (else `missing_stub`), shown as stubs to validation functions and to clients
 * that already hold them (`atts_since`).
 */
import { createHash } from 'node:crypto';

type Body = Record<string, unknown>;

export interface Attachment {
  content_type: string;
  data?: string;
  digest?: string;
  length?: number;
  revpos?: number;
  stub?: boolean;
}

function stubOf(a: Attachment): Attachment {
  return { content_type: a.content_type, digest: a.digest, length: a.length, revpos: a.revpos, stub: true };
}

/** What a validation function sees of a revision: its fields, `_revisions`, attachments as stubs. */
export function asValidated(id: string, rev: string, body: Body, revisions: { start: number; ids: string[] }): Body {
  const out: Body = { ...body, _id: id, _rev: rev, _revisions: revisions };
  const atts = body._attachments as Record<string, Attachment> | undefined;
  if (atts) out._attachments = Object.fromEntries(Object.entries(atts).map(([name, a]) => [name, stubOf(a)]));
  return out;
}

/**
 * A body as stored (couch_att): inline attachments digested; a stub is the ancestor's attachment of
 * that name, and if the stub gives a `revpos` it must be that attachment's, else the stub is missing.
 * New data is dated by the new revision's position in an interactive write, and keeps the `revpos`
 * it was sent with (0 if none) in a replicated one (`new_edits: false`), as CouchDB 3.5 does.
 */
export function storedAttachments(
  body: Body,
  pos: number,
  disk: Body | null,
  replicated: boolean,
): { body: Body } | { missingStub: string } {
  const atts = body._attachments as Record<string, Attachment> | undefined;
  if (!atts) return { body };
  const diskAtts = (disk?._attachments ?? {}) as Record<string, Attachment>;
  const out: Record<string, Attachment> = {};
  for (const [name, a] of Object.entries(atts)) {
    if (a.stub) {
      const from = diskAtts[name];
      if (!from || (a.revpos !== undefined && a.revpos !== from.revpos)) return { missingStub: name };
      out[name] = from;
      continue;
    }
    const bytes = Buffer.from(a.data ?? '', 'base64');
    out[name] = {
      content_type: a.content_type,
      data: a.data,
      digest: `md5-${createHash('md5').update(bytes).digest('base64')}`,
      length: bytes.length,
      revpos: replicated ? (a.revpos ?? 0) : pos,
    };
  }
  return { body: { ...body, _attachments: out } };
}

/**
 * Attachments as a reader gets them: data only if asked for and, with `atts_since`, only for those
 * whose revpos is past the position it holds (`known`; null: no `atts_since`, all data).
 */
export function shownAttachments(
  atts: Record<string, Attachment>,
  withData: boolean,
  known: number | null,
): Record<string, Attachment> {
  const shown: Record<string, Attachment> = {};
  for (const [name, a] of Object.entries(atts)) {
    const { content_type, digest, length, revpos, data } = a;
    const held = known !== null && (revpos ?? 0) <= known;
    shown[name] = !withData || held ? stubOf(a) : { content_type, digest, length, revpos, data };
  }
  return shown;
}
