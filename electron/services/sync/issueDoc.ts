/**
 * How an issue plan file's replication fields change: with a local save, with revisions pulled
 * from the hub, and when a person settles a conflict between two plans of one day. The same rev
 * tree rules as stories (pouchdb-merge), so every replica shows the same plan as the winner.
 */
import { issueBodyOf, type IssueBody, type StoredIssue } from '../../../shared/model/issueSyncFields';
import type { Issue } from '../../../shared/model/issue';
import {
  addChild,
  addRemote,
  conflicts,
  leaves,
  revHash,
  splitRev,
  winner,
  type Revisions,
} from '../revisionTree/revTree';

export interface RemoteIssueRevision {
  rev: string;
  revisions: Revisions;
  deleted: boolean;
  body: IssueBody | null;
}

function nextRev(parent: string | null, body: unknown, deleted: boolean): string {
  return `${parent ? splitRev(parent).pos + 1 : 1}-${revHash(parent, body, deleted)}`;
}

/** Gives a plan written before sync its first revision, derived from its content alone. */
function withIssueSync(
  stored: StoredIssue,
): Required<Pick<StoredIssue, '_rev' | '_revTree' | '_leaves'>> & StoredIssue {
  if (stored._rev && stored._revTree && stored._leaves)
    return { ...stored, _rev: stored._rev, _revTree: stored._revTree, _leaves: stored._leaves };
  const rev = nextRev(null, issueBodyOf(stored), false);
  return { ...stored, _rev: rev, _revTree: addChild(null, null, rev, false), _leaves: {} };
}

export function localIssueEdit(previous: StoredIssue | null, next: Issue): StoredIssue {
  const prev = previous ? withIssueSync(previous) : null;
  const parent = prev?._rev ?? null;
  const rev = nextRev(parent, issueBodyOf(next), false);
  return {
    ...next,
    _rev: rev,
    _revTree: addChild(prev?._revTree ?? null, parent, rev, false),
    _leaves: prev?._leaves ?? {},
  };
}

/** Folds pulled revisions in; null when there is nothing to show (a first arrival already deleted). */
export function applyRemoteIssue(
  previous: StoredIssue | null,
  incoming: RemoteIssueRevision[],
): { stored: StoredIssue; changed: boolean } | null {
  const prev = previous ? withIssueSync(previous) : null;
  const bodies = new Map<string, IssueBody>();
  if (prev) {
    bodies.set(prev._rev, issueBodyOf(prev));
    for (const [rev, body] of Object.entries(prev._leaves)) bodies.set(rev, body);
  }
  let tree = prev?._revTree ?? null;
  for (const r of incoming) {
    tree = addRemote(tree, r.revisions, r.deleted);
    if (r.body) bodies.set(r.rev, r.body);
  }
  if (!tree) return null;
  const win = winner(tree);
  const allDeleted = leaves(tree).every((l) => l.deleted);
  const winBody = allDeleted ? null : bodies.get(win);
  if (!winBody) return null;
  const others: Record<string, IssueBody> = {};
  for (const rev of conflicts(tree)) {
    const body = bodies.get(rev);
    if (body) others[rev] = body;
  }
  const winnerChanged = !prev || prev._rev !== win;
  const stored: StoredIssue = {
    ...winBody,
    revision: (prev?.revision ?? 0) + (winnerChanged ? 1 : 0),
    _rev: win,
    _revTree: tree,
    _leaves: others,
  };
  const changed = winnerChanged || Object.keys(others).length !== Object.keys(prev?._leaves ?? {}).length;
  return { stored, changed };
}

/**
 * Settles two plans of one day: `chosen` (the winner's or another leaf's pages) becomes a child
 * of the winner, and every other live leaf gets a tombstone, so all replicas keep one plan.
 */
export function resolveIssueConflict(previous: StoredIssue, chosen: IssueBody, actor: string, at: string): StoredIssue {
  const prev = withIssueSync(previous);
  const merged: Issue = {
    ...chosen,
    id: prev.id,
    date: prev.date,
    revision: prev.revision + 1,
    updatedBy: actor,
    updatedAt: at,
  };
  const edited = localIssueEdit(prev, merged);
  let tree = edited._revTree!;
  for (const loser of Object.keys(prev._leaves)) tree = addChild(tree, loser, nextRev(loser, {}, true), true);
  return { ...edited, _revTree: tree, _leaves: {} };
}

export function issueLeafRevs(stored: StoredIssue): { rev: string; deleted: boolean }[] {
  return leaves(withIssueSync(stored)._revTree);
}

export { withIssueSync };
