/** Which two revisions the comparison opens on: what the copy desk changed since the reporter submitted. */
import type { RevisionMeta } from '../../../shared/model/revisionMeta';

export interface RevisionPair {
  from: number;
  to: number;
}

/**
 * The newest revision against the last one that entered "submitted"; failing that the last
 * milestone of any kind, and failing that the revision before. The list is newest first.
 */
export function defaultPair(list: readonly RevisionMeta[]): RevisionPair | null {
  const newest = list[0];
  if (!newest) return null;
  const older = list.slice(1);
  const from =
    older.find((m) => m.milestone && m.status === 'submitted') ?? older.find((m) => m.milestone) ?? older[0] ?? newest;
  return { from: from.revision, to: newest.revision };
}
