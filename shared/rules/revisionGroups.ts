/**
 * Autosaves shown as revisions a person meant: consecutive saves belong to one group until an explicit
 * moment (a status move, another person saving, closing the story, 10 minutes idle). Every save stays stored and listed under its group.
 */
import type { RevisionMeta } from '../model/revisionMeta';

/** Idle this long between two saves and the later one starts a new revision group. */
export const IDLE_BREAK_MS = 10 * 60 * 1000;

export interface RevisionGroup {
  /** The group's newest save: the state at the explicit moment that closed it. */
  head: RevisionMeta;
  /** Every save in the group, newest first (head included). */
  members: RevisionMeta[];
}

function startsNewGroup(prev: RevisionMeta, cur: RevisionMeta): boolean {
  if (cur.status !== prev.status || cur.updatedBy !== prev.updatedBy || cur.milestone) return true;
  // The person closed the story after the earlier save: coming back is a new sitting.
  if (prev.endsSitting) return true;
  const gap = Date.parse(cur.updatedAt) - Date.parse(prev.updatedAt);
  // A clock that cannot be read, or that went backwards, is no reason to merge.
  return !(gap >= 0 && gap < IDLE_BREAK_MS);
}

/** Groups a revision list (any order) into explicit revisions, newest first, each with its autosaves. */
export function groupRevisions(list: readonly RevisionMeta[]): RevisionGroup[] {
  const oldestFirst = [...list].sort((a, b) => a.revision - b.revision);
  const groups: RevisionMeta[][] = [];
  for (const m of oldestFirst) {
    const current = groups[groups.length - 1];
    const prev = current?.[current.length - 1];
    if (current && prev && !startsNewGroup(prev, m)) current.push(m);
    else groups.push([m]);
  }
  return groups.reverse().map((g) => {
    const members = g.reverse();
    return { head: members[0]!, members };
  });
}
