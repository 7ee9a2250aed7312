import { describe, expect, it } from 'vitest';
import { dragRect, keyRect } from '../../../../renderer/features/pageplan/shape/dragGeometry';
import { pageWidth, SHEET_RATIO, PAGE_HEADER_PX } from '../../../../renderer/features/pageplan/zoom/pageZoom';

const at = (col: number, line: number) => ({ fx: col / 8, fy: line / 102 });

describe('a drag on the sheet, snapped to the grid', () => {
  it('draws from cell to cell, either way round', () => {
    expect(dragRect('draw', null, at(0.5, 0.5), at(3.5, 35.5), 8, 102)).toEqual({
      col: 0,
      cols: 4,
      line: 0,
      lines: 36,
    });
    expect(dragRect('draw', null, at(3.5, 35.5), at(0.5, 0.5), 8, 102)).toEqual({
      col: 0,
      cols: 4,
      line: 0,
      lines: 36,
    });
  });

  it('moves by whole columns and lines and stays on the sheet', () => {
    const start = { col: 2, cols: 3, line: 10, lines: 20 };
    expect(dragRect('move', start, at(3, 12), at(4.4, 17.2), 8, 102)).toEqual({ ...start, col: 3, line: 15 });
    expect(dragRect('move', start, at(3, 12), at(9, 200), 8, 102)).toEqual({ ...start, col: 5, line: 82 });
  });

  it('pulls an edge to the nearest boundary, never past the opposite edge', () => {
    const start = { col: 2, cols: 3, line: 10, lines: 20 };
    expect(dragRect('s', start, at(3, 30), at(3, 41.6), 8, 102)).toEqual({ ...start, lines: 32 });
    expect(dragRect('n', start, at(3, 10), at(3, 50), 8, 102)).toEqual({ ...start, line: 29, lines: 1 });
    expect(dragRect('se', start, at(5, 30), at(7.2, 35.4), 8, 102)).toEqual({ col: 2, cols: 5, line: 10, lines: 25 });
    expect(dragRect('w', start, at(2, 20), at(-3, 20), 8, 102)).toEqual({ col: 0, cols: 5, line: 10, lines: 20 });
  });

  it('steps by keyboard: Alt+arrow moves, Alt+Shift+arrow pulls the right or bottom edge', () => {
    const r = { col: 2, cols: 3, line: 10, lines: 20 };
    expect(keyRect('ArrowRight', false, r)).toEqual({ ...r, col: 3 });
    expect(keyRect('ArrowUp', false, r, 5)).toEqual({ ...r, line: 5 });
    expect(keyRect('ArrowDown', true, r)).toEqual({ ...r, lines: 21 });
    expect(keyRect('Enter', false, r)).toBeNull();
  });
});

describe('the zoom', () => {
  const screen = { width: 1128, height: 690, gap: 12, pad: 12 };
  it('fits all 16 pages of an issue in the pages area of a 1440 × 900 screen', () => {
    const w = pageWidth('all', 16, screen);
    let fits = false;
    for (let across = 1; across <= 16; across++) {
      const rows = Math.ceil(16 / across);
      const wide = across * w + (across - 1) * 12 + 24 <= screen.width;
      const tall = rows * (w * SHEET_RATIO + PAGE_HEADER_PX) + (rows - 1) * 12 + 24 <= screen.height;
      if (wide && tall) fits = true;
    }
    expect(fits).toBe(true);
    expect(w).toBeGreaterThan(120);
  });

  it('draws one page as large as the area allows', () => {
    expect(pageWidth('page', 16, screen)).toBeCloseTo((690 - 24 - PAGE_HEADER_PX) / SHEET_RATIO, 5);
  });
});
