import { describe, expect, it } from 'vitest';
import type { IssueContent } from '../../../../shared/model/issue';
import {
  moveStory,
  placeStory,
  placementIn,
  reorderSlot,
  unplaceStory,
} from '../../../../shared/rules/pageplan/planEdits';
import { planProblem } from '../../../../shared/rules/pageplan/planChecks';
import { BROADSHEET_GEOMETRY } from '../../../../shared/model/pageGeometry';

const empty: IssueContent = {
  date: '2026-12-01',
  number: 7,
  pages: [
    {
      label: 'A01',
      section: '要闻',
      slots: [
        { id: 'A01-1', targetChars: 800 },
        { id: 'A01-2', targetChars: 400 },
      ],
    },
    { label: 'A02', section: '综合', slots: [{ id: 'A02-1', targetChars: 800 }] },
  ],
};

function ok(edit: ReturnType<typeof placeStory>): IssueContent {
  if (!edit.ok) throw new Error(edit.reason);
  return edit.plan;
}

describe('placing stories', () => {
  it('places into an empty slot and derives the placement', () => {
    const plan = ok(placeStory(empty, 'a-story0001', 'A01', 'A01-2'));
    expect(plan.pages[0]!.slots[1]!.articleId).toBe('a-story0001');
    expect(placementIn(plan, 'a-story0001')).toEqual({
      issueDate: '2026-12-01',
      page: 'A01',
      slotId: 'A01-2',
      order: 1,
    });
    expect(empty.pages[0]!.slots[1]!.articleId).toBeUndefined();
  });

  it.each([
    ['no such page', ['a-story0001', 'B09', 'A01-1'], 'not_found', '没有 B09 版'],
    ['no such slot', ['a-story0001', 'A01', 'A01-9'], 'not_found', '没有版位 A01-9'],
    ['slot taken', ['a-story0002', 'A01', 'A01-1'], 'validation', '已有稿件'],
    ['already placed elsewhere', ['a-story0001', 'A02', 'A02-1'], 'validation', '已排在 A01 版'],
  ] as const)('refuses: %s', (_name, [id, page, slot], code, reason) => {
    const plan = ok(placeStory(empty, 'a-story0001', 'A01', 'A01-1'));
    const edit = placeStory(plan, id, page, slot);
    expect(edit.ok).toBe(false);
    if (!edit.ok) {
      expect(edit.code).toBe(code);
      expect(edit.reason).toContain(reason);
    }
  });

  it('a jump adds a second part on another page, never a third or one on the same page', () => {
    const first = ok(placeStory(empty, 'a-story0001', 'A01', 'A01-1'));
    const samePage = placeStory(first, 'a-story0001', 'A01', 'A01-2', { jump: true });
    expect(samePage.ok).toBe(false);
    const jumped = ok(placeStory(first, 'a-story0001', 'A02', 'A02-1', { jump: true }));
    expect(planProblem(jumped, BROADSHEET_GEOMETRY)).toBeNull();
    expect(placementIn(jumped, 'a-story0001')?.page).toBe('A01');
    expect(placeStory(jumped, 'a-story0001', 'A01', 'A01-2', { jump: true }).ok).toBe(false);
  });

  it('unplaces every part', () => {
    const plan = ok(
      placeStory(ok(placeStory(empty, 'a-story0001', 'A01', 'A01-1')), 'a-story0001', 'A02', 'A02-1', { jump: true }),
    );
    const out = ok(unplaceStory(plan, 'a-story0001'));
    expect(placementIn(out, 'a-story0001')).toBeNull();
    expect(unplaceStory(out, 'a-story0001').ok).toBe(false);
  });

  it('moves to an empty slot, and swaps with a story in the target', () => {
    const plan = ok(placeStory(ok(placeStory(empty, 'a-story0001', 'A01', 'A01-1')), 'a-story0002', 'A01', 'A01-2'));
    const swapped = ok(moveStory(plan, { page: 'A01', slotId: 'A01-1' }, { page: 'A01', slotId: 'A01-2' }));
    expect(swapped.pages[0]!.slots.map((s) => s.articleId)).toEqual(['a-story0002', 'a-story0001']);
    const moved = ok(moveStory(swapped, { page: 'A01', slotId: 'A01-2' }, { page: 'A02', slotId: 'A02-1' }));
    expect(moved.pages[0]!.slots[1]!.articleId).toBeUndefined();
    expect(moved.pages[1]!.slots[0]!.articleId).toBe('a-story0001');
  });

  it('reorders slots within a page', () => {
    const plan = ok(reorderSlot(empty, 'A01', 'A01-2', 0));
    expect(plan.pages[0]!.slots.map((s) => s.id)).toEqual(['A01-2', 'A01-1']);
  });
});

describe('whole-plan checks', () => {
  it.each([
    ['duplicate page', { ...empty, pages: [empty.pages[0]!, empty.pages[0]!] }, '重复'],
    [
      'three parts',
      {
        ...empty,
        pages: [
          { label: 'A01', section: '', slots: [{ id: 'x', targetChars: 1, articleId: 'a-story0001' }] },
          { label: 'A02', section: '', slots: [{ id: 'x', targetChars: 1, articleId: 'a-story0001' }] },
          { label: 'A03', section: '', slots: [{ id: 'x', targetChars: 1, articleId: 'a-story0001' }] },
        ],
      },
      '最多两个',
    ],
  ])('refuses %s', (_n, plan, msg) => {
    expect(planProblem(plan as IssueContent, BROADSHEET_GEOMETRY)).toContain(msg);
  });
});
