/**
 * Issue plans on the wire: pushed and pulled beside the stories as documents `i-<date>`, with the
 * same rev trees, so two layout desks planning one day apart end in a visible conflict, never a
 * silent overwrite. The hub lets only layout and the chief editor write them (issuePlanRule.ts).
 */
import { IssueIdSchema } from '../../../shared/model/issue';
import { IssueBodySchema, issueBodyOf, type StoredIssue } from '../../../shared/model/issueSyncFields';
import type { IssueStore } from '../issueStore';
import { schemaProblemLine, schemaProblemsOf } from '../../../shared/rules/sync/schemaProblems';
import type { HubClient, HubDoc } from './hubClient';
import { applyRemoteIssue, issueLeafRevs, withIssueSync, type RemoteIssueRevision } from './issueDoc';
import { hasRev, revisionsOf } from '../revisionTree/revTree';

export function isIssueId(id: string): boolean {
  return IssueIdSchema.safeParse(id).success;
}

/** The leaf revisions of these plans the hub lacks, as `_bulk_docs` wants them. */
export async function issueDocsToPush(hub: HubClient, issues: IssueStore, ids: readonly string[]) {
  const stored = new Map<string, StoredIssue>();
  for (const id of ids) {
    try {
      stored.set(id, withIssueSync(await issues.getStored(id)));
    } catch {
      // Gone or quarantined: nothing sound to send.
    }
  }
  const docs: HubDoc[] = [];
  const upToDate: string[] = [];
  if (stored.size === 0) return { docs, upToDate };
  const diff = await hub.revsDiff(
    Object.fromEntries([...stored].map(([id, s]) => [id, issueLeafRevs(s).map((l) => l.rev)])),
  );
  for (const [id, s] of stored) {
    const missing = diff[id]?.missing ?? [];
    if (missing.length === 0) upToDate.push(id);
    const deleted = new Set(
      issueLeafRevs(s)
        .filter((l) => l.deleted)
        .map((l) => l.rev),
    );
    for (const rev of missing) {
      const revisions = revisionsOf(s._revTree!, rev);
      if (deleted.has(rev)) {
        docs.push({ _id: id, _rev: rev, _revisions: revisions, _deleted: true });
        continue;
      }
      const body = rev === s._rev ? issueBodyOf(s) : s._leaves?.[rev];
      if (body) docs.push({ ...body, _id: id, _rev: rev, _revisions: revisions });
    }
  }
  return { docs, upToDate };
}

export async function missingIssueRevs(issues: IssueStore, id: string, revs: string[]): Promise<string[]> {
  try {
    const tree = withIssueSync(await issues.getStored(id))._revTree;
    return revs.filter((rev) => !hasRev(tree, rev));
  } catch {
    return revs;
  }
}

/** A pulled plan revision, or why it cannot be read (it is then kept aside like a story's). */
export function toRemoteIssue(doc: HubDoc): { revision: RemoteIssueRevision | null; problem: string | null } {
  const revisions = doc._revisions ?? { start: Number(doc._rev.split('-')[0]), ids: [doc._rev.split('-')[1]!] };
  if (doc._deleted) return { revision: { rev: doc._rev, revisions, deleted: true, body: null }, problem: null };
  const parsed = IssueBodySchema.safeParse(doc);
  if (!parsed.success) {
    return {
      revision: null,
      problem: schemaProblemLine(schemaProblemsOf(parsed.error, doc)),
    };
  }
  if (parsed.data.id !== doc._id)
    return { revision: null, problem: `id 字段 ${parsed.data.id} 与文档 ${doc._id} 不符` };
  return { revision: { rev: doc._rev, revisions, deleted: false, body: parsed.data }, problem: null };
}

/** Writes pulled plan revisions, one plan at a time (a day has one; there are few). */
export async function writeIssueRevisions(issues: IssueStore, byId: ReadonlyMap<string, RemoteIssueRevision[]>) {
  let written = 0;
  for (const [id, incoming] of byId) {
    const saved = await issues.writeSynced(id, (current) => {
      const applied = applyRemoteIssue(current, incoming);
      return applied ? { stored: applied.stored, notify: applied.changed, local: false } : null;
    });
    if (saved) written++;
  }
  return written;
}
