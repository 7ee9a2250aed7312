import { describe, expect, it } from 'vitest';
import type { IssueContent } from '../../../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../../../shared/model/pageGeometry';
import { pageGrid } from '../../../../shared/rules/pageplan/pageGrid';
import { MASTHEAD_LINES, PAGE_TEMPLATES } from '../../../../shared/rules/pageplan/pageTemplates';
import { planProblem, withComputedTargets } from '../../../../shared/rules/pageplan/planChecks';
import { placeStory } from '../../../../shared/rules/pageplan/planEdits';
import {
  applyPageLayout,
  pageLayoutOf,
  PageLayoutSchema,
  type PageLayout,
} from '../../../../shared/rules/pageplan/pageLayouts';
import { rectOf } from '../../../../shared/rules/pageplan/slotEdits';

const grid = pageGrid(BROADSHEET_GEOMETRY);
const ID = 'a-0000000000000000000001';

/** A 3-page plan from the built-in template: A01 with the masthead band, A02 and A03 inside pages. */
function plan(): IssueContent {
  const pages = PAGE_TEMPLATES['4版']!().slice(0, 3);
  return withComputedTargets({ date: '2026-12-01', number: 9, pages }, BROADSHEET_GEOMETRY);
}
const emptyPage = (p: IssueContent, label: string): IssueContent => ({
  ...p,
  pages: p.pages.map((x) => (x.label === label ? { ...x, slots: [] } : x)),
});
const slotsOn = (p: IssueContent, label: string) => p.pages.find((x) => x.label === label)!.slots;
const layout = (slots: PageLayout['slots'], masthead = false): PageLayout => ({ masthead, slots });
const slot = (col: number, cols: number, line: number, lines: number) => ({
  col,
  cols,
  line,
  lines,
  targetChars: 0,
  photos: 0,
  headline: 'medium' as const,
});

describe('a page as a layout', () => {
  it('keeps geometry, targets, kinds and the masthead band, never the stories', () => {
    const placed = placeStory(plan(), ID, 'A01', 'A01-1');
    if (!placed.ok) throw new Error(placed.reason);
    const typed = {
      ...placed.plan,
      pages: placed.plan.pages.map((p) =>
        p.label === 'A01'
          ? { ...p, slots: p.slots.map((s) => (s.id === 'A01-2' ? { ...s, targetChars: 777, targetManual: true } : s)) }
          : p,
      ),
    };
    const front = pageLayoutOf(typed, grid, 'A01')!;
    expect(front.masthead).toBe(true);
    expect(PageLayoutSchema.safeParse(front).success).toBe(true);
    expect(JSON.stringify(front)).not.toContain(ID);
    expect(front.slots[0]).toMatchObject({
      col: 0,
      cols: 8,
      line: MASTHEAD_LINES,
      lines: 32,
      headline: 'banner',
      photos: 1,
    });
    expect(front.slots[1]).toMatchObject({ targetChars: 777, targetManual: true });
    expect(pageLayoutOf(typed, grid, 'A02')!.masthead).toBe(false);
    expect(pageLayoutOf(typed, grid, 'B09')).toBeNull();
  });

  it('refuses a layout slot that carries a story id (the contract never takes one)', () => {
    const front = pageLayoutOf(plan(), grid, 'A01')!;
    const withStory = { ...front, slots: [{ ...front.slots[0]!, articleId: ID }] };
    expect(PageLayoutSchema.safeParse(withStory).success).toBe(false);
  });
});

describe('laying a layout onto a page', () => {
  const front = pageLayoutOf(plan(), grid, 'A01')!;
  const inside = pageLayoutOf(plan(), grid, 'A02')!;

  const cases: {
    name: string;
    page: string;
    start: () => IssueContent;
    layout: PageLayout;
    refused?: { kind: string; reason: RegExp };
  }[] = [
    {
      name: 'an inside layout onto an emptied inside page',
      page: 'A03',
      start: () => emptyPage(plan(), 'A03'),
      layout: inside,
    },
    { name: 'an inside layout onto a page with empty slots (replaced)', page: 'A03', start: plan, layout: inside },
    { name: 'the front layout onto an inside page (the band stays free)', page: 'A03', start: plan, layout: front },
    { name: 'the front layout onto the front page', page: 'A01', start: () => emptyPage(plan(), 'A01'), layout: front },
    {
      name: 'an inside layout onto the front page: its top slots would cover the masthead',
      page: 'A01',
      start: () => emptyPage(plan(), 'A01'),
      layout: inside,
      refused: { kind: 'masthead', reason: /报头/ },
    },
    {
      name: 'a page with a placed story',
      page: 'A03',
      start: () => {
        const r = placeStory(plan(), ID, 'A03', 'A03-4');
        if (!r.ok) throw new Error(r.reason);
        return r.plan;
      },
      layout: inside,
      refused: { kind: 'story', reason: /A03-4 已排稿件.*先撤下/ },
    },
    {
      name: 'a layout whose own slots overlap',
      page: 'A03',
      start: plan,
      layout: layout([slot(0, 4, 0, 40), slot(2, 4, 20, 40)]),
      refused: { kind: 'overlap', reason: /与版位 A03-1 重叠/ },
    },
    {
      name: 'a layout wider than this paper’s grid',
      page: 'A03',
      start: plan,
      layout: layout([slot(0, 12, 0, 40)]),
      refused: { kind: 'outside', reason: /超出版心/ },
    },
    {
      name: 'a page the issue does not have',
      page: 'A09',
      start: plan,
      layout: inside,
      refused: { kind: 'not_found', reason: /没有 A09 版/ },
    },
  ];

  it.each(cases)('$name', ({ page, start, layout: l, refused }) => {
    const before = start();
    const r = applyPageLayout(before, grid, page, l);
    if (refused) {
      expect(r).toMatchObject({ ok: false, kind: refused.kind });
      if (!r.ok) expect(r.reason).toMatch(refused.reason);
      return;
    }
    if (!r.ok) throw new Error(r.reason);
    const slots = slotsOn(r.plan, page);
    expect(slots.map((s) => s.id)).toEqual(l.slots.map((_, i) => `${page}-${i + 1}`));
    expect(slots.map(rectOf)).toEqual(l.slots.map(rectOf));
    expect(slots.map((s) => [s.headline, s.photos])).toEqual(l.slots.map((s) => [s.headline, s.photos]));
    expect(slots.every((s) => !s.articleId && s.targetChars > 0)).toBe(true);
    // The whole-plan rules the service saves through agree, and no other page changed.
    expect(planProblem(r.plan, BROADSHEET_GEOMETRY)).toBeNull();
    for (const p of before.pages) if (p.label !== page) expect(slotsOn(r.plan, p.label)).toEqual(p.slots);
  });

  it('keeps a typed target and recomputes an automatic one for the page', () => {
    const l = layout([
      { ...slot(0, 4, 0, 40), targetChars: 1 },
      { ...slot(4, 4, 0, 40), targetChars: 555, targetManual: true },
    ]);
    const r = applyPageLayout(plan(), grid, 'A03', l);
    if (!r.ok) throw new Error(r.reason);
    const [auto, typed] = slotsOn(r.plan, 'A03');
    expect(auto!.targetChars).toBeGreaterThan(100);
    expect(typed).toMatchObject({ targetChars: 555, targetManual: true });
  });
});
