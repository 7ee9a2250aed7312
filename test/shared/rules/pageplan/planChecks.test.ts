import { describe, expect, it } from 'vitest';
import type { IssueContent, Slot } from '../../../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../../../shared/model/pageGeometry';
import { planProblem } from '../../../../shared/rules/pageplan/planChecks';
import { bandOf, pageGrid, slotRegion } from '../../../../shared/rules/pageplan/pageGrid';
import { MASTHEAD_LINES, PAGE_TEMPLATES } from '../../../../shared/rules/pageplan/pageTemplates';

const slot = (id: string, col: number, cols: number, line: number, lines: number): Slot => ({
  id,
  targetChars: 0,
  col,
  cols,
  line,
  lines,
});

function plan(front: Slot[], inside: Slot[] = []): IssueContent {
  return {
    date: '2026-12-01',
    number: 1,
    pages: [
      { label: 'A01', section: '要闻', slots: front },
      { label: 'A02', section: '综合', slots: inside },
    ],
  };
}

describe('a plan prints no text over another', () => {
  it.each(Object.keys(PAGE_TEMPLATES))('the built-in template %s is sound', (name) => {
    const pages = PAGE_TEMPLATES[name]!();
    expect(planProblem({ date: '2026-12-01', number: 1, pages }, BROADSHEET_GEOMETRY)).toBeNull();
  });

  it.each([
    ['a front-page slot starting at line 0, in the masthead band', plan([slot('A01-1', 0, 8, 0, 40)]), '压住报头'],
    [
      'a front-page slot reaching one line into the band',
      plan([slot('A01-1', 0, 4, MASTHEAD_LINES - 1, 30)]),
      '压住报头',
    ],
    [
      'two slots sharing a column and lines',
      plan([slot('A01-1', 0, 5, 20, 30)], [slot('A02-1', 0, 4, 0, 40), slot('A02-2', 3, 5, 39, 20)]),
      'A02 版的版位 A02-1 与 A02-2 重叠',
    ],
  ])('refuses %s', (_what, p, message) => {
    expect(planProblem(p, BROADSHEET_GEOMETRY)).toContain(message);
  });

  it('accepts slots that only touch, and an inside page using its top lines', () => {
    const p = plan(
      [slot('A01-1', 0, 4, MASTHEAD_LINES, 30), slot('A01-2', 4, 4, MASTHEAD_LINES, 30), slot('A01-3', 0, 8, 44, 58)],
      [slot('A02-1', 0, 8, 0, 50), slot('A02-2', 0, 8, 50, 52)],
    );
    expect(planProblem(p, BROADSHEET_GEOMETRY)).toBeNull();
  });

  it('stacks the slots of an older plan (no regions) below the masthead on the front page', () => {
    const old = plan([
      { id: 'A01-1', targetChars: 600 },
      { id: 'A01-2', targetChars: 600 },
    ]);
    expect(planProblem(old, BROADSHEET_GEOMETRY)).toBeNull();
    const grid = pageGrid(BROADSHEET_GEOMETRY);
    const page = old.pages[0]!;
    const regions = page.slots.map((s) => slotRegion(s, grid, bandOf(old, page, s.id)));
    expect(regions.map((r) => [r.line, r.lines])).toEqual([
      [MASTHEAD_LINES, 44],
      [MASTHEAD_LINES + 44, 44],
    ]);
  });
});
