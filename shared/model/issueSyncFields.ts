/**
 * The CouchDB replication fields an issue plan file carries beside the plan: its rev tree and
 * the bodies of conflicting leaves (two layout desks that planned the same day apart).
 */
import { z } from 'zod';
import { IssueSchema, type Issue } from './issue';
import { RevSchema, RevTreeSchema } from './syncFields';

/** What travels to the hub: the plan without its local save counter. */
export const IssueBodySchema = IssueSchema.omit({ revision: true });
export type IssueBody = z.infer<typeof IssueBodySchema>;

export const StoredIssueSchema = IssueSchema.extend({
  _rev: RevSchema.optional(),
  _revTree: RevTreeSchema.optional(),
  /** Bodies of the live leaves other than the winner: each one is a conflicting plan. */
  _leaves: z.record(z.string(), IssueBodySchema).optional(),
});
export type StoredIssue = z.infer<typeof StoredIssueSchema>;

const ISSUE_SYNC_KEYS = ['_rev', '_revTree', '_leaves'] as const;

export function issueOnly(stored: StoredIssue): Issue {
  const copy: Record<string, unknown> = { ...stored };
  for (const k of ISSUE_SYNC_KEYS) delete copy[k];
  return copy as Issue;
}

export function issueBodyOf(issue: Issue | StoredIssue): IssueBody {
  const copy: Record<string, unknown> = { ...issueOnly(issue as StoredIssue) };
  delete copy.revision;
  return copy as IssueBody;
}
