/** The flatplan's arrow keys move by position on the page: a table of layouts, starting slots and arrows. */
import { describe, expect, it } from 'vitest';
import { arrowTarget, slotBox, type Arrow, type SlotBox } from '../../../../renderer/features/pageplan/arrowTarget';

const COLS = 6;
/** Page A (index 0): a lead across the top, two stories side by side under it, a brief at the bottom right. */
const A: Record<string, SlotBox> = {
  lead: slotBox(0, COLS, { col: 0, cols: 6, line: 0, lines: 30 }),
  left: slotBox(0, COLS, { col: 0, cols: 4, line: 30, lines: 60 }),
  right: slotBox(0, COLS, { col: 4, cols: 2, line: 30, lines: 40 }),
  brief: slotBox(0, COLS, { col: 4, cols: 2, line: 70, lines: 20 }),
  foot: slotBox(0, COLS, { col: 0, cols: 6, line: 90, lines: 30 }),
};
/** Page B (index 1) to the right: two full-width bands. */
const B: Record<string, SlotBox> = {
  top: slotBox(1, COLS, { col: 0, cols: 6, line: 0, lines: 60 }),
  bottom: slotBox(1, COLS, { col: 0, cols: 6, line: 60, lines: 60 }),
};
// Page order, as the plan lists the slots.
const names = ['lead', 'left', 'right', 'brief', 'foot', 'B.top', 'B.bottom'];
const boxes = [A.lead!, A.left!, A.right!, A.brief!, A.foot!, B.top!, B.bottom!];

const table: [from: string, arrow: Arrow, to: string][] = [
  ['lead', 'ArrowDown', 'left'], // both under it; the nearer centre wins
  ['right', 'ArrowDown', 'brief'], // straight below
  ['left', 'ArrowDown', 'foot'], // next in order is 'right', but 'foot' is below
  ['left', 'ArrowRight', 'right'],
  ['brief', 'ArrowLeft', 'left'],
  ['brief', 'ArrowUp', 'right'],
  ['foot', 'ArrowUp', 'left'], // left and brief both touch it; left's centre is nearer
  ['lead', 'ArrowUp', 'lead'], // nothing above: stay
  ['left', 'ArrowLeft', 'left'],
  ['right', 'ArrowRight', 'B.top'], // across to the next page at the same height
  ['brief', 'ArrowRight', 'B.bottom'],
  ['B.top', 'ArrowLeft', 'lead'], // back at the same height: lead and right both overlap; lead's centre is nearer
  ['B.bottom', 'ArrowUp', 'B.top'],
  ['B.bottom', 'ArrowDown', 'B.bottom'],
];

describe('arrowTarget', () => {
  it.each(table)('from %s, %s goes to %s', (from, arrow, to) => {
    expect(names[arrowTarget(boxes, names.indexOf(from), arrow)]).toBe(to);
  });

  it('moves down to the slot below even when the next slot in order is beside it', () => {
    // Two columns: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right; in order ↓ from 0 would give 1.
    const grid = [
      slotBox(0, 4, { col: 0, cols: 2, line: 0, lines: 50 }),
      slotBox(0, 4, { col: 2, cols: 2, line: 0, lines: 50 }),
      slotBox(0, 4, { col: 0, cols: 2, line: 50, lines: 50 }),
      slotBox(0, 4, { col: 2, cols: 2, line: 50, lines: 50 }),
    ];
    expect(arrowTarget(grid, 0, 'ArrowDown')).toBe(2);
    expect(arrowTarget(grid, 1, 'ArrowDown')).toBe(3);
    expect(arrowTarget(grid, 3, 'ArrowLeft')).toBe(2);
    expect(arrowTarget(grid, 2, 'ArrowUp')).toBe(0);
  });
});
