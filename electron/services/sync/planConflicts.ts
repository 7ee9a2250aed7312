/**
 * Two plans of one day (two layout desks that placed stories apart): the flatplan shows the other
 * plan beside its own, and a person keeps one of them, written as one resolution every replica takes.
 */
import { NewsdeskError } from '../../../shared/ipc/errors';
import { issueIdForDate, IssueSchema, type Issue } from '../../../shared/model/issue';
import { issueBodyOf, issueOnly } from '../../../shared/model/issueSyncFields';
import type { IssueStore } from '../issueStore';
import { resolveIssueConflict } from './issueDoc';
import { placedIds } from '../../../shared/rules/pageplan/planEdits';

export interface PlanConflict {
  current: Issue & { rev: string };
  others: (Issue & { rev: string })[];
}

export async function planConflictOf(issues: IssueStore, date: string): Promise<PlanConflict> {
  const stored = await issues.getStored(issueIdForDate(date));
  const current = issueOnly(stored);
  return {
    current: { ...current, rev: stored._rev ?? '' },
    others: Object.entries(stored._leaves ?? {}).map(([rev, body]) => ({
      ...IssueSchema.parse({ ...body, revision: current.revision }),
      rev,
    })),
  };
}

/**
 * Keeps the plan `keepRev` (the shown one or another leaf) and retires the rest. `settle` is then
 * given the kept plan and every story any of the day's plans placed, so a story only the retired
 * plan placed stops pointing at a slot it no longer holds (it goes back to the pool).
 */
export async function resolvePlanConflict(
  issues: IssueStore,
  date: string,
  keepRev: string,
  actor: string,
  now: Date,
  settle: (kept: Issue, placedInAnyPlan: string[]) => Promise<void> = async () => {},
): Promise<Issue> {
  const id = issueIdForDate(date);
  const placed = new Set<string>();
  const saved = await issues.writeSynced(id, (current) => {
    if (!current) throw new NewsdeskError('not_found', `找不到期次 ${id}。`);
    const chosen = keepRev === current._rev ? issueBodyOf(current) : current._leaves?.[keepRev];
    if (!chosen) throw new NewsdeskError('conflict', '这个版本已不是冲突的一方，请重新打开版面。');
    for (const plan of [issueBodyOf(current), ...Object.values(current._leaves ?? {})])
      for (const articleId of placedIds(plan)) placed.add(articleId);
    return { stored: resolveIssueConflict(current, chosen, actor, now.toISOString()), notify: true, local: true };
  });
  await settle(saved!, [...placed]);
  return saved!;
}
