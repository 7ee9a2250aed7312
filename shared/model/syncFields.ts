/**
 * The CouchDB replication fields an article file carries beside the story: its rev tree
 * in pouchdb-merge's format, the bodies of live conflicting leaves and the last synced ancestor.
 */
import { z } from 'zod';
import { ArticleSchema } from './article';

export interface RevOpts {
  status?: 'available' | 'missing';
  deleted?: boolean;
}
/** [hash, opts, children]: one node of a rev path, as pouchdb-merge stores it. */
export type RevNode = [string, RevOpts, RevNode[]];

const RevOptsSchema = z.object({
  status: z.enum(['available', 'missing']).optional(),
  deleted: z.boolean().optional(),
});
const RevNodeSchema: z.ZodType<RevNode> = z.lazy(() =>
  z.tuple([z.string().regex(/^[0-9a-z]{1,64}$/), RevOptsSchema, z.array(RevNodeSchema)]),
);
export const RevPathSchema = z.object({ pos: z.number().int().min(1), ids: RevNodeSchema });
export type RevPath = z.infer<typeof RevPathSchema>;
export const RevTreeSchema = z.array(RevPathSchema).min(1);
export type RevTree = RevPath[];

export const REV_PATTERN = /^[1-9][0-9]*-[0-9a-z]{1,64}$/;
export const RevSchema = z.string().regex(REV_PATTERN, 'not a revision id');

/** What travels to the hub: the article without its local save counter (`revision` counts winner changes here). */
export const DocBodySchema = ArticleSchema.omit({ revision: true });
export type DocBody = z.infer<typeof DocBodySchema>;

/**
 * Top-level fields another peer (a newer Newsdesk, a script) put on a story that this version does
 * not know. They are not ours to drop: they ride along unchanged on every revision made here.
 */
export const ExtraFieldsSchema = z.record(z.string(), z.unknown());
export type ExtraFields = z.infer<typeof ExtraFieldsSchema>;
/** A leaf body as kept for a conflict: ours plus whatever unknown fields its writer gave it. */
export const LeafBodySchema = DocBodySchema.passthrough();

/** The fields of a hub document that are neither ours nor CouchDB's own (`_id`, `_rev`, `_attachments`…). */
export function extraFieldsOf(doc: Record<string, unknown>): ExtraFields {
  const known = new Set(Object.keys(DocBodySchema.shape));
  const extra: ExtraFields = {};
  for (const [k, v] of Object.entries(doc)) if (!known.has(k) && !k.startsWith('_') && k !== 'revision') extra[k] = v;
  return extra;
}

/**
 * What a tombstone says: who ended the leaf and when, and for a conflict's resolution the leaf it
 * resolved into. The hub judges a tombstone by these; without `resolvedInto` it is a deletion.
 */
export const TombstoneBodySchema = z.object({
  updatedBy: z.string(),
  updatedAt: z.string(),
  resolvedInto: RevSchema.optional(),
});
export type TombstoneBody = z.infer<typeof TombstoneBodySchema>;

export const SyncFieldsSchema = z.object({
  _id: z.string(),
  /** The winning leaf, whose body is the article's top-level fields. */
  _rev: RevSchema,
  _revTree: RevTreeSchema,
  /** Set when every leaf is a tombstone; the top-level fields then hold the last live body. */
  _deleted: z.boolean().optional(),
  /** Bodies of the live leaves other than the winner: each one is a conflict. */
  _leaves: z.record(z.string(), LeafBodySchema),
  /** The winner's unknown top-level fields (see ExtraFieldsSchema); absent when there are none. */
  _extra: ExtraFieldsSchema.optional(),
  /** The newest revision known to be on the hub with no conflict, for the three-way merge. */
  _base: z.object({ rev: RevSchema, body: DocBodySchema }).nullable(),
  /** What each tombstone leaf says (absent for tombstones written before they carried a body). */
  _tombstones: z.record(z.string(), TombstoneBodySchema).optional(),
});
export type SyncFields = z.infer<typeof SyncFieldsSchema>;

/** An article file as stored: files written before sync lack the fields and migrate lazily. */
export const StoredArticleSchema = ArticleSchema.extend(SyncFieldsSchema.partial().shape);
export type StoredArticle = z.infer<typeof StoredArticleSchema>;

export const SYNC_KEYS = ['_id', '_rev', '_revTree', '_deleted', '_leaves', '_base', '_extra', '_tombstones'] as const;

/** The article alone, for listeners, revisions and IPC, without the replication fields. */
export function articleOnly(stored: StoredArticle): z.infer<typeof ArticleSchema> {
  const copy: Record<string, unknown> = { ...stored };
  for (const k of SYNC_KEYS) delete copy[k];
  return copy as z.infer<typeof ArticleSchema>;
}

/** Live leaves beyond the winner: more than zero means the story is in conflict. */
export function conflictCount(stored: StoredArticle): number {
  return stored._leaves ? Object.keys(stored._leaves).length : 0;
}

/**
 * Who deleted a story whose every leaf is a tombstone: the signer of the latest tombstone (the hub
 * makes members sign theirs). Null for a live story; `by` is empty for tombstones that say nothing.
 */
export function deletionOf(stored: StoredArticle): { by: string; at: string } | null {
  if (!stored._deleted) return null;
  let last: TombstoneBody | null = null;
  for (const t of Object.values(stored._tombstones ?? {})) if (!last || t.updatedAt > last.updatedAt) last = t;
  return last ? { by: last.updatedBy, at: last.updatedAt } : { by: '', at: '' };
}
