import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IssueContent } from '../../../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../../../shared/model/pageGeometry';
import type { GridRect, SlotEdit } from '../../../../shared/model/slotEdit';
import { SlotEditSchema } from '../../../../shared/model/slotEdit';
import { pageGrid } from '../../../../shared/rules/pageplan/pageGrid';
import { MASTHEAD_LINES, PAGE_TEMPLATES } from '../../../../shared/rules/pageplan/pageTemplates';
import { planProblem, withComputedTargets } from '../../../../shared/rules/pageplan/planChecks';
import { placedIds, placeStory } from '../../../../shared/rules/pageplan/planEdits';
import { slotCapacity } from '../../../../shared/rules/pageplan/slotCapacity';
import { applySlotEdit, rectOf, type ShapeEdit } from '../../../../shared/rules/pageplan/slotEdits';

const grid = pageGrid(BROADSHEET_GEOMETRY);
const LINES = grid.linesPerColumn;

/** A 3-page plan from the built-in template: A01 with the masthead, A02 and A03 inside pages. */
function plan(): IssueContent {
  const pages = PAGE_TEMPLATES['4版']!().slice(0, 3);
  return withComputedTargets({ date: '2026-12-01', number: 9, pages }, BROADSHEET_GEOMETRY);
}
const emptyPage = (p: IssueContent, label: string): IssueContent => ({
  ...p,
  pages: p.pages.map((x) => (x.label === label ? { ...x, slots: [] } : x)),
});

function done(e: ShapeEdit) {
  if (!e.ok) throw new Error(e.reason);
  return e;
}
const slotsOn = (p: IssueContent, label: string) => p.pages.find((x) => x.label === label)?.slots ?? [];
const rectOfSlot = (p: IssueContent, label: string, id: string) => rectOf(slotsOn(p, label).find((s) => s.id === id)!);

describe('drawing a slot', () => {
  it('adds a slot with the next id and a target from its area', () => {
    const p = emptyPage(plan(), 'A03');
    const r = done(applySlotEdit(p, grid, { op: 'draw', page: 'A03', rect: { col: 0, cols: 4, line: 0, lines: 30 } }));
    expect(r.slotId).toBe('A03-1');
    const slot = slotsOn(r.plan, 'A03')[0]!;
    expect(rectOf(slot)).toEqual({ col: 0, cols: 4, line: 0, lines: 30 });
    const cap = slotCapacity({ col: 0, cols: 4, line: 0, lines: 30, photos: 0, headline: slot.headline! }, grid);
    expect(slot.targetChars).toBe(cap.chars);
    expect(planProblem(r.plan, BROADSHEET_GEOMETRY)).toBeNull();
  });

  it.each<[string, string, GridRect, string, string]>([
    ['over another slot', 'A02', { col: 5, cols: 2, line: 40, lines: 10 }, 'overlap', '重叠'],
    ['into the masthead band', 'A01', { col: 0, cols: 2, line: 3, lines: 5 }, 'masthead', '报头'],
    ['past the last column', 'A03', { col: 6, cols: 3, line: 0, lines: 5 }, 'outside', '超出版心'],
    ['past the last line', 'A03', { col: 0, cols: 3, line: LINES - 2, lines: 5 }, 'outside', '超出版心'],
    ['on a page that is not there', 'B07', { col: 0, cols: 1, line: 0, lines: 1 }, 'not_found', '没有 B07 版'],
  ])('refuses a slot %s', (_name, page, rect, kind, words) => {
    const p = emptyPage(plan(), 'A03');
    const e = applySlotEdit(p, grid, { op: 'draw', page, rect });
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.kind).toBe(kind);
      expect(e.reason).toContain(words);
    }
  });

  it('names the slot a drawn one runs into', () => {
    const e = applySlotEdit(plan(), grid, { op: 'draw', page: 'A02', rect: { col: 0, cols: 1, line: 0, lines: 1 } });
    expect(e).toMatchObject({ ok: false, kind: 'overlap', other: 'A02-1' });
  });
});

describe('moving and resizing', () => {
  const base = () => {
    const p = emptyPage(plan(), 'A03');
    const a = done(applySlotEdit(p, grid, { op: 'draw', page: 'A03', rect: { col: 0, cols: 4, line: 0, lines: 30 } }));
    const b = done(
      applySlotEdit(a.plan, grid, { op: 'draw', page: 'A03', rect: { col: 4, cols: 4, line: 0, lines: 30 } }),
    );
    return done(placeStory(b.plan, 'a-story0001', 'A03', 'A03-1') as ShapeEdit).plan;
  };

  it('moves a slot with its story and keeps its size', () => {
    const r = done(applySlotEdit(base(), grid, { op: 'move', page: 'A03', slotId: 'A03-1', col: 0, line: 40 }));
    expect(rectOfSlot(r.plan, 'A03', 'A03-1')).toEqual({ col: 0, cols: 4, line: 40, lines: 30 });
    expect(slotsOn(r.plan, 'A03')[0]!.articleId).toBe('a-story0001');
  });

  it('resizes a slot and its automatic target follows; a typed one stays', () => {
    const p = base();
    const before = slotsOn(p, 'A03')[0]!.targetChars;
    const r = done(
      applySlotEdit(p, grid, {
        op: 'resize',
        page: 'A03',
        slotId: 'A03-1',
        rect: { col: 0, cols: 4, line: 0, lines: 50 },
      }),
    );
    expect(slotsOn(r.plan, 'A03')[0]!.targetChars).toBeGreaterThan(before);
    const typed = done(applySlotEdit(p, grid, { op: 'target', page: 'A03', slotId: 'A03-1', target: { chars: 900 } }));
    const grown = done(
      applySlotEdit(typed.plan, grid, {
        op: 'resize',
        page: 'A03',
        slotId: 'A03-1',
        rect: { col: 0, cols: 4, line: 0, lines: 50 },
      }),
    );
    expect(slotsOn(grown.plan, 'A03')[0]).toMatchObject({ targetChars: 900, targetManual: true });
  });

  it.each<[string, SlotEdit, string]>([
    ['onto its neighbour', { op: 'move', page: 'A03', slotId: 'A03-1', col: 2, line: 0 }, 'overlap'],
    ['past the foot', { op: 'move', page: 'A03', slotId: 'A03-1', col: 0, line: LINES - 10 }, 'outside'],
    [
      'wider than the page',
      { op: 'resize', page: 'A03', slotId: 'A03-2', rect: { col: 4, cols: 5, line: 0, lines: 30 } },
      'outside',
    ],
    [
      'over its neighbour',
      { op: 'resize', page: 'A03', slotId: 'A03-1', rect: { col: 0, cols: 5, line: 0, lines: 30 } },
      'overlap',
    ],
    ['of a slot not there', { op: 'move', page: 'A03', slotId: 'A03-9', col: 0, line: 0 }, 'not_found'],
  ])('refuses a move or resize %s and leaves the plan alone', (_n, edit, kind) => {
    const p = base();
    const e = applySlotEdit(p, grid, edit);
    expect(e).toMatchObject({ ok: false, kind });
  });

  it('refuses moving a front-page slot up into the masthead band', () => {
    const e = applySlotEdit(plan(), grid, {
      op: 'move',
      page: 'A01',
      slotId: 'A01-1',
      col: 0,
      line: MASTHEAD_LINES - 1,
    });
    expect(e).toMatchObject({ ok: false, kind: 'masthead' });
  });
});

describe('split, merge, delete, target, continue', () => {
  it('splits a slot side by side, the story staying left, and merges it back', () => {
    const p = done(placeStory(plan(), 'a-story0001', 'A02', 'A02-1') as ShapeEdit).plan;
    const s = done(applySlotEdit(p, grid, { op: 'split', page: 'A02', slotId: 'A02-1', axis: 'columns' }));
    expect(rectOfSlot(s.plan, 'A02', 'A02-1')).toEqual({ col: 0, cols: 3, line: 0, lines: 44 });
    expect(rectOfSlot(s.plan, 'A02', 'A02-6')).toEqual({ col: 3, cols: 3, line: 0, lines: 44 });
    expect(slotsOn(s.plan, 'A02').find((x) => x.id === 'A02-6')!.articleId).toBeUndefined();
    expect(planProblem(s.plan, BROADSHEET_GEOMETRY)).toBeNull();
    const m = done(applySlotEdit(s.plan, grid, { op: 'merge', page: 'A02', slotId: 'A02-1', with: 'A02-6' }));
    expect(rectOfSlot(m.plan, 'A02', 'A02-1')).toEqual({ col: 0, cols: 6, line: 0, lines: 44 });
    expect(slotsOn(m.plan, 'A02').find((x) => x.id === 'A02-1')!.articleId).toBe('a-story0001');
    expect(slotsOn(m.plan, 'A02')).toHaveLength(5);
  });

  it('splits one above the other at a chosen line', () => {
    const s = done(applySlotEdit(plan(), grid, { op: 'split', page: 'A02', slotId: 'A02-3', axis: 'lines', at: 20 }));
    expect(rectOfSlot(s.plan, 'A02', 'A02-3')).toEqual({ col: 0, cols: 3, line: 44, lines: 20 });
    expect(rectOfSlot(s.plan, 'A02', 'A02-6')).toEqual({ col: 0, cols: 3, line: 64, lines: 38 });
  });

  it.each<[string, SlotEdit, string]>([
    [
      'merging slots that do not make a rectangle',
      { op: 'merge', page: 'A02', slotId: 'A02-1', with: 'A02-4' },
      'shape',
    ],
    ['merging a slot with itself', { op: 'merge', page: 'A02', slotId: 'A02-1', with: 'A02-1' }, 'shape'],
    ['splitting at the edge', { op: 'split', page: 'A02', slotId: 'A02-1', axis: 'columns', at: 6 }, 'shape'],
  ])('refuses %s', (_n, edit, kind) => {
    expect(applySlotEdit(plan(), grid, edit)).toMatchObject({ ok: false, kind });
  });

  it('refuses merging two slots that both hold a story', () => {
    let p = done(placeStory(plan(), 'a-story0001', 'A02', 'A02-4') as ShapeEdit).plan;
    p = done(placeStory(p, 'a-story0002', 'A02', 'A02-5') as ShapeEdit).plan;
    expect(applySlotEdit(p, grid, { op: 'merge', page: 'A02', slotId: 'A02-4', with: 'A02-5' })).toMatchObject({
      ok: false,
      kind: 'story',
    });
  });

  it('deleting a slot lists its story as unplaced, unless its other part is still placed', () => {
    let p = done(placeStory(plan(), 'a-story0001', 'A02', 'A02-1') as ShapeEdit).plan;
    const d = done(applySlotEdit(p, grid, { op: 'delete', page: 'A02', slotId: 'A02-1' }));
    expect(d.unplaced).toEqual(['a-story0001']);
    expect(placedIds(d.plan).has('a-story0001')).toBe(false);
    p = done(applySlotEdit(p, grid, { op: 'continue', articleId: 'a-story0001', page: 'A03', slotId: 'A03-2' })).plan;
    const d2 = done(applySlotEdit(p, grid, { op: 'delete', page: 'A02', slotId: 'A02-1' }));
    expect(d2.unplaced).toEqual([]);
  });

  it('continues a story onto another page, not the same one', () => {
    const p = done(placeStory(plan(), 'a-story0001', 'A02', 'A02-1') as ShapeEdit).plan;
    const c = done(applySlotEdit(p, grid, { op: 'continue', articleId: 'a-story0001', page: 'A03', slotId: 'A03-2' }));
    expect(slotsOn(c.plan, 'A03').find((s) => s.id === 'A03-2')!.articleId).toBe('a-story0001');
    expect(
      applySlotEdit(p, grid, { op: 'continue', articleId: 'a-story0001', page: 'A02', slotId: 'A02-2' }),
    ).toMatchObject({ ok: false, kind: 'story' });
  });

  it('takes a target typed in lines as lines times the measure, and auto again from the area', () => {
    const t = done(applySlotEdit(plan(), grid, { op: 'target', page: 'A02', slotId: 'A02-2', target: { lines: 40 } }));
    expect(slotsOn(t.plan, 'A02')[1]).toMatchObject({ targetChars: 40 * grid.charsPerLine, targetManual: true });
    const a = done(applySlotEdit(t.plan, grid, { op: 'target', page: 'A02', slotId: 'A02-2', target: 'auto' }));
    expect(slotsOn(a.plan, 'A02')[1]!.targetChars).toBe(slotsOn(plan(), 'A02')[1]!.targetChars);
  });

  it('pins the slots of an older plan (no regions) where they were drawn before shaping', () => {
    const old: IssueContent = {
      date: '2026-12-01',
      number: 1,
      pages: [
        { label: 'A01', section: '', slots: [] },
        {
          label: 'A02',
          section: '',
          slots: [
            { id: 'x', targetChars: 0 },
            { id: 'y', targetChars: 0 },
          ],
        },
      ],
    };
    const d = done(applySlotEdit(old, grid, { op: 'delete', page: 'A02', slotId: 'y' }));
    // Without pinning, x would grow into a full-page band once y is gone.
    expect(rectOfSlot(d.plan, 'A02', 'x')).toEqual({ col: 0, cols: 8, line: 0, lines: Math.floor(LINES / 2) });
  });
});

// The property: whatever edits arrive, in any order, the plan stays printable and no story is lost silently.
const PAGES = ['A01', 'A02', 'A03'];
const STORIES = ['a-story0001', 'a-story0002', 'a-story0003', 'a-story0004'];
// Mostly a slot of the page named (so edits reach real slots), sometimes a page or slot that is not there.
const at = fc
  .oneof(
    { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...PAGES, 'A03'), fc.integer({ min: 1, max: 8 })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('A09'), fc.integer({ min: 1, max: 3 })) },
  )
  .map(([page, n]) => ({ page, slotId: `${page}-${n}` }));
const other = fc.integer({ min: 1, max: 8 });
const rect = fc.record({
  col: fc.integer({ min: 0, max: 8 }),
  cols: fc.integer({ min: 1, max: 4 }),
  line: fc.integer({ min: 0, max: LINES }),
  lines: fc.integer({ min: 1, max: 30 }),
});
type Step = SlotEdit | { op: 'place'; articleId: string; page: string; slotId: string };
const edit: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(at, rect).map(([a, r]): Step => ({ op: 'draw', page: a.page, rect: r })),
  // A move is generated as a small step from where the slot is (a random spot is almost always taken).
  fc
    .tuple(at, fc.integer({ min: -2, max: 2 }), fc.integer({ min: -8, max: 8 }))
    .map(([a, col, line]): Step => ({ op: 'move', ...a, col: col + 2, line: line + 8 })),
  fc.tuple(at, rect).map(([a, r]): Step => ({ op: 'resize', ...a, rect: r })),
  fc
    .tuple(
      at,
      fc.constantFrom('columns' as const, 'lines' as const),
      fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    )
    .map(([a, axis, n]): Step => ({ op: 'split', ...a, axis, ...(n === undefined ? {} : { at: n }) })),
  fc.tuple(at, other).map(([a, n]): Step => ({ op: 'merge', ...a, with: `${a.page}-${n}` })),
  at.map((a): Step => ({ op: 'delete', ...a })),
  fc
    .tuple(
      at,
      fc.oneof(
        fc.record({ chars: fc.integer({ min: 0, max: 5000 }) }),
        fc.record({ lines: fc.integer({ min: 0, max: 400 }) }),
        fc.constant('auto' as const),
      ),
    )
    .map(([a, target]): Step => ({ op: 'target', ...a, target })),
  fc.tuple(at, fc.constantFrom(...STORIES)).map(([a, articleId]): Step => ({ op: 'continue', articleId, ...a })),
  fc.tuple(at, fc.constantFrom(...STORIES)).map(([a, articleId]): Step => ({ op: 'place', articleId, ...a })),
);

describe('any sequence of edits', () => {
  it('keeps slots inside the grid, off each other and the masthead, and accounts for every story', () => {
    const passed = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(edit, { minLength: 5, maxLength: 40, size: 'max' }), (edits) => {
        // A03 starts with two small slots and room around them; A01 and A02 are full template pages.
        let p = emptyPage(plan(), 'A03');
        for (const r of [
          { col: 0, cols: 2, line: 10, lines: 20 },
          { col: 4, cols: 2, line: 50, lines: 20 },
        ])
          p = done(applySlotEdit(p, grid, { op: 'draw', page: 'A03', rect: r })).plan;
        for (const e of edits) {
          const before = placedIds(p);
          let r: ShapeEdit;
          if (e.op === 'place') {
            const placed = placeStory(p, e.articleId, e.page, e.slotId);
            r = placed.ok
              ? { ok: true, plan: placed.plan, unplaced: [], slotId: e.slotId }
              : { ...placed, kind: 'story' };
          } else {
            let step: SlotEdit = e;
            const from = e.op === 'move' ? slotsOn(p, e.page)?.find((s) => s.id === e.slotId) : undefined;
            if (e.op === 'move' && from?.col !== undefined && from.line !== undefined)
              step = { ...e, col: Math.max(0, from.col + e.col - 2), line: Math.max(0, from.line + e.line - 8) };
            expect(SlotEditSchema.safeParse(step).success).toBe(true);
            r = applySlotEdit(p, grid, step);
          }
          if (!r.ok) {
            expect(r.reason.length).toBeGreaterThan(0);
            continue;
          }
          passed.set(e.op, (passed.get(e.op) ?? 0) + 1);
          const after = placedIds(r.plan);
          // Every story placed before is still placed, or the edit says it went back to the pool.
          for (const id of before) expect(after.has(id) || r.unplaced.includes(id)).toBe(true);
          for (const id of r.unplaced) expect(after.has(id)).toBe(false);
          p = r.plan;
          expect(planProblem(p, BROADSHEET_GEOMETRY)).toBeNull();
          for (const pg of p.pages)
            for (const s of pg.slots) {
              const rr = rectOf(s);
              if (!rr) continue;
              expect(rr.col + rr.cols).toBeLessThanOrEqual(grid.geometry.columns);
              expect(rr.line + rr.lines).toBeLessThanOrEqual(LINES);
              if (pg.label === 'A01') expect(rr.line).toBeGreaterThanOrEqual(MASTHEAD_LINES);
            }
        }
      }),
      { numRuns: 300 },
    );
    // The property means something only if every kind of edit got through, again and again.
    for (const op of ['draw', 'move', 'resize', 'split', 'merge', 'delete', 'target', 'continue', 'place'])
      expect(passed.get(op) ?? 0, op).toBeGreaterThanOrEqual(5);
  });
});
