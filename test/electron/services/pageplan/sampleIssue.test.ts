// The sample issue is a sound plan: no slot over the masthead band or over another, every story in a slot
// that holds it (by the flatplan's reading), and a plan that breaks the rule is refused however it arrives.
import { afterEach, describe, expect, it } from 'vitest';
import { planProblem } from '../../../../shared/rules/pageplan/planChecks';
import { MASTHEAD_LINES } from '../../../../shared/rules/pageplan/pageTemplates';
import { openTempStore, type TempStore } from '../tempStore';

let store: TempStore;
afterEach(() => store?.cleanup());

describe('the sample issue', () => {
  it('passes the plan rule: A01 starts under the masthead band and no slots overlap', async () => {
    store = await openTempStore();
    const loaded = await store.client.call('sample.load', {});
    if (!loaded.ok) throw new Error(loaded.error.message);
    const issue = await store.services.issues.get(loaded.value.issueId);
    expect(planProblem(issue, store.services.settings.get().pageGeometry)).toBeNull();
    const a01 = issue.pages[0]!;
    expect(a01.slots.length).toBeGreaterThan(0);
    for (const slot of a01.slots) expect(slot.line).toBeGreaterThanOrEqual(MASTHEAD_LINES);

    const plan = await store.client.call('pageplan.flatplan', { date: issue.date });
    if (!plan.ok) throw new Error(plan.error.message);
    for (const row of plan.value.rows.filter((r) => r.articleId))
      expect(
        row.problems.filter((p) => p === 'overset' || p === 'missing'),
        row.slotId,
      ).toEqual([]);
  });

  it('a plan whose front-page slot covers the masthead is refused through the contract', async () => {
    store = await openTempStore();
    const res = await store.client.call('issues.create', {
      date: '2026-12-01',
      number: 1,
      pages: [
        {
          label: 'A01',
          section: '要闻',
          slots: [{ id: 'A01-1', targetChars: 0, col: 0, cols: 8, line: 0, lines: 40 }],
        },
      ],
    });
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect([res.error.code, res.error.message]).toEqual(['validation', expect.stringContaining('压住报头')]);
  });
});
