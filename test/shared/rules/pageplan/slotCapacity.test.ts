import { describe, expect, it } from 'vitest';
import { BROADSHEET_GEOMETRY } from '../../../../shared/model/pageGeometry';
import { pageGrid, slotRegion } from '../../../../shared/rules/pageplan/pageGrid';
import { estimateLines, photoBandLines, slotCapacity } from '../../../../shared/rules/pageplan/slotCapacity';
import type { Slot } from '../../../../shared/model/issue';

const grid = pageGrid(BROADSHEET_GEOMETRY);
const slot = (s: Partial<Slot>): Slot => ({ id: 's1', targetChars: 0, ...s });

describe('the broadsheet grid', () => {
  it('sets 12 字 of 小五 to a column line and 102 lines to a column', () => {
    expect(grid.charsPerLine).toBe(12);
    expect(grid.linesPerColumn).toBe(102);
    expect(grid.columnWidthMm).toBeCloseTo(39.375, 3);
  });

  it.each([
    // [body pt, leading pt, columns, chars per line, lines per column]
    [9, 13.5, 8, 12, 102],
    [10.5, 16, 8, 10, 86],
    [9, 13.5, 6, 17, 102],
  ])('%s pt on %s pt in %s columns: %s 字 a line, %s lines', (size, leading, columns, cpl, lines) => {
    const g = pageGrid({ ...BROADSHEET_GEOMETRY, bodySizePt: size, leadingPt: leading, columns });
    expect(g.charsPerLine).toBe(cpl);
    expect(g.linesPerColumn).toBe(lines);
  });
});

describe('slot capacity', () => {
  it.each([
    // [slot, body lines per column, target lines, target 字]
    ['4 columns × 30 lines, medium headline', { cols: 4, lines: 30, headline: 'medium' }, 23, 91, 1092],
    ['1 column × 50 lines, no headline', { cols: 1, lines: 50, headline: 'none' }, 50, 49, 588],
    ['8 columns × 20 lines, banner', { cols: 8, lines: 20, headline: 'banner' }, 8, 63, 756],
    ['headline taller than the slot', { cols: 2, lines: 5, headline: 'large' }, 0, 0, 0],
  ] as const)('%s', (_name, s, perColumn, lines, chars) => {
    const c = slotCapacity(slotRegion(slot(s), grid), grid);
    expect(c.bodyLinesPerColumn).toBe(perColumn);
    expect(c.lines).toBe(lines);
    expect(c.chars).toBe(chars);
  });

  it('takes the photo band out of every column', () => {
    const region = slotRegion(slot({ cols: 4, lines: 80, headline: 'medium', photos: 1 }), grid);
    // 4 columns = 172.5 mm wide, 3:2 → 115 mm = 25 lines (4.7625 mm each), plus 2 caption lines.
    expect(photoBandLines(region, grid)).toBe(27);
    expect(slotCapacity(region, grid).bodyLinesPerColumn).toBe(80 - 7 - 27);
  });

  it('crops a wide photo lower rather than fill the slot with it', () => {
    const region = slotRegion(slot({ cols: 8, lines: 32, headline: 'banner', photos: 1 }), grid);
    // 3:2 across 8 columns would be 49 lines; the band keeps 45% of the 20 lines under the headline.
    expect(photoBandLines(region, grid)).toBe(9 + 2);
    expect(slotCapacity(region, grid).bodyLinesPerColumn).toBe(32 - 12 - 11);
  });

  it('two photos side by side make a lower band than one across', () => {
    const one = photoBandLines(slotRegion(slot({ cols: 6, photos: 1 }), grid), grid);
    const two = photoBandLines(slotRegion(slot({ cols: 6, photos: 2 }), grid), grid);
    expect(two).toBeLessThan(one);
  });

  it('gives old slots without a region the whole type area', () => {
    expect(slotRegion(slot({}), grid)).toEqual({ col: 0, cols: 8, line: 0, lines: 102, photos: 0, headline: 'medium' });
  });

  it('clips a region that runs off the page', () => {
    const r = slotRegion(slot({ col: 6, cols: 4, line: 100, lines: 10 }), grid);
    expect(r.cols).toBe(2);
    expect(r.lines).toBe(2);
  });
});

describe('estimated lines', () => {
  it.each([
    [[10], 12, 1],
    [[11], 12, 2],
    [[22, 22], 12, 4],
    [[0], 12, 1],
    [[100], 12, 9],
  ])('%j at %s a line → %s lines', (paragraphs, cpl, lines) => {
    expect(estimateLines(paragraphs, cpl)).toBe(lines);
  });
});
