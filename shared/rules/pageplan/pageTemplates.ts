/** Built-in page templates: the structure of a new issue when no previous issue is copied. */
import type { HeadlineSize, Page, Slot } from '../../model/issue';

type SlotShape = [col: number, cols: number, line: number, lines: number, photos: number, headline: HeadlineSize];

/**
 * A front page and an inside page on the 8-column, 102-line broadsheet grid: a lead story across the top,
 * stories under it, briefs at the foot, with the masthead band kept free on A01.
 */
/** Lines at the top of A01 kept for the masthead (报头). */
export const MASTHEAD_LINES = 14;

const FRONT: SlotShape[] = [
  [0, 8, MASTHEAD_LINES, 32, 1, 'banner'],
  [0, 5, 46, 30, 1, 'large'],
  [5, 3, 46, 30, 0, 'medium'],
  [0, 4, 76, 26, 0, 'medium'],
  [4, 4, 76, 26, 1, 'small'],
];
const INSIDE: SlotShape[] = [
  [0, 6, 0, 44, 1, 'large'],
  [6, 2, 0, 44, 0, 'small'],
  [0, 3, 44, 58, 0, 'medium'],
  [3, 5, 44, 30, 1, 'medium'],
  [3, 5, 74, 28, 0, 'small'],
];

const SECTIONS = [
  '要闻',
  '要闻',
  '综合',
  '综合',
  '社会',
  '社会',
  '经济',
  '经济',
  '文体',
  '文体',
  '城事',
  '城事',
  '国际',
  '国内',
  '副刊',
  '专版',
];

function slots(label: string, shapes: SlotShape[]): Slot[] {
  return shapes.map(([col, cols, line, lines, photos, headline], i) => ({
    id: `${label}-${i + 1}`,
    targetChars: 0,
    col,
    cols,
    line,
    lines,
    photos,
    headline,
  }));
}

function pages(count: number): Page[] {
  return Array.from({ length: count }, (_, i) => {
    const label = `A${String(i + 1).padStart(2, '0')}`;
    return { label, section: SECTIONS[i % SECTIONS.length]!, slots: slots(label, i === 0 ? FRONT : INSIDE) };
  });
}

export const PAGE_TEMPLATES: Record<string, () => Page[]> = {
  '4版': () => pages(4),
  '8版': () => pages(8),
  '16版': () => pages(16),
};

export const DEFAULT_TEMPLATE = '8版';

/** Empties every slot of copied pages: a new issue takes the structure, not yesterday's stories. */
export function emptiedPages(source: readonly Page[]): Page[] {
  return source.map((p) => ({ ...p, slots: p.slots.map(({ articleId: _gone, ...s }) => s) }));
}
