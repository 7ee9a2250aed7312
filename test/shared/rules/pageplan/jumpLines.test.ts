import { describe, expect, it } from 'vitest';
import {
  jumpInLine,
  jumpOutLine,
  pageRef,
  splitAtLines,
  storyParts,
} from '../../../../shared/rules/pageplan/jumpLines';
import type { IssueContent } from '../../../../shared/model/issue';

const plan: IssueContent = {
  date: '2026-12-01',
  number: 100,
  pages: [
    { label: 'A01', section: '要闻', slots: [{ id: 'A01-1', targetChars: 500, articleId: 'a-jumping1' }] },
    { label: 'A02', section: '综合', slots: [{ id: 'A02-1', targetChars: 500, articleId: 'a-single01' }] },
    { label: 'A03', section: '综合', slots: [{ id: 'A03-2', targetChars: 500, articleId: 'a-jumping1' }] },
  ],
};

describe('jump lines', () => {
  it.each([
    ['A03', 'A3版'],
    ['A12', 'A12版'],
    ['3', '第3版'],
    ['03', '第3版'],
    ['B01', 'B1版'],
  ])('page %s is called %s', (label, ref) => {
    expect(pageRef(label)).toBe(ref);
  });

  it('writes 下转 and 上接 lines in full-width brackets', () => {
    expect(jumpOutLine('A03')).toBe('（下转A3版）');
    expect(jumpInLine('A01')).toBe('（上接A1版）');
    expect(jumpOutLine('2')).toBe('（下转第2版）');
    expect(jumpInLine('1')).toBe('（上接第1版）');
  });

  it('a story in two slots is part 1 with 下转 and part 2 with 上接', () => {
    expect(storyParts(plan, 'a-jumping1')).toEqual([
      { page: 'A01', slotId: 'A01-1', part: 1, jumpLine: '（下转A3版）' },
      { page: 'A03', slotId: 'A03-2', part: 2, jumpLine: '（上接A1版）' },
    ]);
  });

  it('a story in one slot has no jump line, an unplaced one no parts', () => {
    expect(storyParts(plan, 'a-single01')).toEqual([{ page: 'A02', slotId: 'A02-1', part: 1, jumpLine: null }]);
    expect(storyParts(plan, 'a-nowhere1')).toEqual([]);
  });
});

describe('splitting a story between its parts keeps every 字 counted', () => {
  it.each([
    // [paragraph 字, chars per line, lines in part 1, first {chars, lines}, second {chars, lines}, at]
    [[22, 22, 22], 12, 4, { chars: 44, lines: 4 }, { chars: 22, lines: 2 }, { block: 2, offset: 0 }],
    [[46], 12, 2, { chars: 22, lines: 2 }, { chars: 24, lines: 2 }, { block: 0, offset: 22 }],
    [[10, 10], 12, 10, { chars: 20, lines: 2 }, { chars: 0, lines: 0 }, { block: 2, offset: 0 }],
    [[10, 100], 12, 0, { chars: 0, lines: 0 }, { chars: 110, lines: 10 }, { block: 0, offset: 0 }],
  ])('%j at %s/line, %s lines', (paragraphs, cpl, lines, first, second, at) => {
    const split = splitAtLines(paragraphs, cpl, lines);
    expect(split.first).toEqual(first);
    expect(split.second).toEqual(second);
    expect(split.at).toEqual(at);
    expect(split.first.chars + split.second.chars).toBe(paragraphs.reduce((a, b) => a + b, 0));
  });
});
