/**
 * How an article file's replication fields change: with a local save, with revisions pulled from
 * the hub, and with a conflict resolution. Files without the fields migrate on first touch.
 */
import type { Article } from '../../../shared/model/article';
import {
  articleOnly,
  extraFieldsOf,
  type DocBody,
  type ExtraFields,
  type StoredArticle,
  type SyncFields,
  type TombstoneBody,
} from '../../../shared/model/syncFields';
import { addChild, addRemote, conflicts, leaves, revHash, splitRev, winner, type Revisions } from './revTree';

export type SyncedArticle = Article & SyncFields;

/** A revision as it arrives from a peer: its ancestry, and its body unless it is a tombstone. */
export interface RemoteRevision {
  rev: string;
  revisions: Revisions;
  deleted: boolean;
  body: DocBody | null;
  /** What a tombstone says (who ended the leaf, into which leaf it was resolved). */
  tombstone?: TombstoneBody | null;
}

/** The body the hub holds for the winner: our fields plus the unknown ones it arrived with. */
export function bodyOf(a: Article | StoredArticle): DocBody {
  const rest: Record<string, unknown> = { ...articleOnly(a as StoredArticle) };
  delete rest.revision;
  const extra = (a as StoredArticle)._extra;
  return (extra ? { ...extra, ...rest } : rest) as DocBody;
}

/** Splits a body into our fields and the unknown ones, for storing the winner. */
function splitBody(body: DocBody): { known: DocBody; extra: ExtraFields | undefined } {
  const extra = extraFieldsOf(body);
  if (Object.keys(extra).length === 0) return { known: body, extra: undefined };
  const known: Record<string, unknown> = { ...body };
  for (const k of Object.keys(extra)) delete known[k];
  return { known: known as DocBody, extra };
}

function nextRev(parent: string | null, body: unknown, deleted: boolean): string {
  const pos = parent ? splitRev(parent).pos + 1 : 1;
  return `${pos}-${revHash(parent, body, deleted)}`;
}

/** Gives a file written before sync its first revision, derived from its content alone. */
export function withSyncFields(stored: StoredArticle): SyncedArticle {
  if (stored._rev && stored._revTree && stored._leaves) return stored as SyncedArticle;
  const body = bodyOf(stored);
  const rev = nextRev(null, body, false);
  const tree = addChild(null, null, rev, false);
  return { ...stored, _id: stored.id, _rev: rev, _revTree: tree, _leaves: {}, _base: { rev, body } };
}

/** A save on this desk: a child of the current winner, which becomes the new winner. */
export function localEdit(previous: StoredArticle | null, next: Article): SyncedArticle {
  const prev = previous ? withSyncFields(previous) : null;
  // Fields another peer added and this version does not know are carried into the new revision.
  const extra = prev?._extra;
  const body = bodyOf(extra ? { ...next, _extra: extra } : next);
  const parent = prev?._rev ?? null;
  const rev = nextRev(parent, body, false);
  const tree = addChild(prev?._revTree ?? null, parent, rev, false);
  // The first revision is an ancestor of every later one, so it is always a sound merge base.
  const base = prev ? prev._base : { rev, body };
  const edited: SyncedArticle = {
    ...next,
    _id: next.id,
    _rev: rev,
    _revTree: tree,
    _leaves: prev?._leaves ?? {},
    _base: base,
  };
  if (extra) edited._extra = extra;
  if (prev?._tombstones) edited._tombstones = prev._tombstones;
  return edited;
}

/** Tombstone bodies kept for the tree's tombstone leaves only. */
function leafTombstones(
  tree: SyncedArticle['_revTree'],
  known: Record<string, TombstoneBody>,
): Record<string, TombstoneBody> | undefined {
  const out: Record<string, TombstoneBody> = {};
  for (const l of leaves(tree)) if (l.deleted && known[l.rev]) out[l.rev] = known[l.rev]!;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Folds revisions from the hub into the file; the winner is recomputed, never chosen by hand. */
export function applyRemote(
  previous: StoredArticle | null,
  incoming: RemoteRevision[],
): { stored: SyncedArticle; winnerChanged: boolean } | null {
  const prev = previous ? withSyncFields(previous) : null;
  const bodies = new Map<string, DocBody>();
  if (prev) {
    bodies.set(prev._rev, bodyOf(prev));
    for (const [rev, body] of Object.entries(prev._leaves)) bodies.set(rev, body);
  }
  let tree = prev?._revTree ?? null;
  const tombstones: Record<string, TombstoneBody> = { ...(prev?._tombstones ?? {}) };
  for (const r of incoming) {
    tree = addRemote(tree, r.revisions, r.deleted);
    if (r.body) bodies.set(r.rev, r.body);
    if (r.tombstone) tombstones[r.rev] = r.tombstone;
  }
  if (!tree) return null;
  const win = winner(tree);
  const allDeleted = leaves(tree).every((l) => l.deleted);
  const winBody = allDeleted ? (prev ? bodyOf(prev) : null) : bodies.get(win);
  // A first arrival that is already a tombstone has nothing to show on the desk.
  if (!winBody) return null;
  const liveOthers: Record<string, DocBody> = {};
  for (const rev of conflicts(tree)) {
    const body = bodies.get(rev);
    if (body) liveOthers[rev] = body;
  }
  const winnerChanged = !prev || prev._rev !== win;
  const fromHub = incoming.some((r) => r.rev === win);
  const settled = Object.keys(liveOthers).length === 0 && !allDeleted;
  const { known, extra } = splitBody(winBody);
  const stored: SyncedArticle = {
    ...known,
    revision: (prev?.revision ?? 0) + (winnerChanged ? 1 : 0),
    _id: winBody.id,
    _rev: win,
    _revTree: tree,
    _leaves: liveOthers,
    _base: settled && fromHub ? { rev: win, body: known } : (prev?._base ?? null),
  };
  if (extra) stored._extra = extra;
  if (allDeleted) stored._deleted = true;
  const kept = leafTombstones(tree, tombstones);
  if (kept) stored._tombstones = kept;
  return { stored, winnerChanged };
}

/**
 * Settles a conflict: the merged story becomes a child of the winner and every other live
 * leaf gets a tombstone child naming the merged leaf (the hub lets whoever may change a leaf's
 * state end it that way), so all replicas end with one live leaf.
 */
export function resolveConflict(previous: StoredArticle, merged: Article): SyncedArticle {
  const prev = withSyncFields(previous);
  const edited = localEdit(prev, merged);
  let tree = edited._revTree;
  const tombstones: Record<string, TombstoneBody> = { ...(edited._tombstones ?? {}) };
  for (const loser of Object.keys(prev._leaves)) {
    const said: TombstoneBody = { updatedBy: merged.updatedBy, updatedAt: merged.updatedAt, resolvedInto: edited._rev };
    const rev = nextRev(loser, said, true);
    tree = addChild(tree, loser, rev, true);
    tombstones[rev] = said;
  }
  const resolved: SyncedArticle = { ...edited, _revTree: tree, _leaves: {} };
  const kept = leafTombstones(tree, tombstones);
  if (kept) resolved._tombstones = kept;
  else delete resolved._tombstones;
  return resolved;
}
