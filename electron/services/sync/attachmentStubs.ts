/**
 * Photos travel once: before a push, what the hub already holds of each story's photos, so an
 * unchanged photo goes as a stub instead of its bytes. CouchDB takes a stub in a replicated write
 * from the nearest ancestor of the new revision that it still stores, matching name and revpos;
 * PouchDB finds it by digest. So the stub carries both, copied from that ancestor as the hub
 * reports it, and a photo goes whole whenever the hub's ancestor is unknown or lacks it.
 */
import type { HubAttachment, HubClient } from './hubClient';
import type { Revisions } from '../revisionTree/revTree';

/** How far back along a revision's path to look for one the hub holds. */
const ANCESTORS_ASKED = 10;

export type HeldAttachments = Record<string, HubAttachment>;

function ancestorsOf(revisions: Revisions): string[] {
  return revisions.ids.slice(1, 1 + ANCESTORS_ASKED).map((hash, i) => `${revisions.start - 1 - i}-${hash}`);
}

/**
 * For each revision to push (id, rev, ancestry), the attachments the hub holds on the nearest
 * ancestor it stores, keyed by `id rev`. Costs one `_revs_diff` and one `_bulk_get` (no bytes).
 */
export async function heldByHub(
  hub: HubClient,
  pushing: readonly { id: string; rev: string; revisions: Revisions }[],
): Promise<Map<string, HeldAttachments>> {
  const held = new Map<string, HeldAttachments>();
  const asked: Record<string, string[]> = {};
  for (const p of pushing) asked[p.id] = [...new Set([...(asked[p.id] ?? []), ...ancestorsOf(p.revisions)])];
  if (Object.values(asked).every((revs) => revs.length === 0)) return held;
  const diff = await hub.revsDiff(asked);
  const nearest = new Map<string, { id: string; rev: string }>();
  for (const p of pushing) {
    const missing = new Set(diff[p.id]?.missing ?? []);
    const rev = ancestorsOf(p.revisions).find((r) => !missing.has(r));
    if (rev) nearest.set(`${p.id} ${p.rev}`, { id: p.id, rev });
  }
  if (nearest.size === 0) return held;
  const wanted = [...new Map([...nearest.values()].map((w) => [`${w.id} ${w.rev}`, w])).values()];
  // A compacted ancestor (tree entry, body gone) is not returned: its photos then go whole.
  const docs = await hub.bulkGet(wanted, { attachments: false });
  const byRev = new Map(docs.map((d) => [`${d._id} ${d._rev}`, d._attachments ?? {}]));
  for (const [key, w] of nearest) {
    const atts = byRev.get(`${w.id} ${w.rev}`);
    if (atts) held.set(key, atts);
  }
  return held;
}

/** The stub for a photo the hub holds unchanged (names are content hashes: same name, same bytes). */
export function stubFor(att: HubAttachment | undefined): HubAttachment | null {
  if (!att || att.revpos === undefined || !att.digest) return null;
  return { content_type: att.content_type, stub: true, revpos: att.revpos, digest: att.digest, length: att.length };
}
