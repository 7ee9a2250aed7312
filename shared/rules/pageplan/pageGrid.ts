/** The page grid derived from the geometry: column width, characters per line, lines per column, slot boxes. */
import { MM_PER_PT, type PageGeometry } from '../../model/pageGeometry';
import type { HeadlineSize, Page, Slot } from '../../model/issue';
import { MASTHEAD_LINES } from './pageTemplates';

export interface PageGrid {
  geometry: PageGeometry;
  columnWidthMm: number;
  bodySizeMm: number;
  leadingMm: number;
  /** Full-width characters that fit one column line: the unit every 字数 target is built from. */
  charsPerLine: number;
  /** Body lines in one column of the type area. */
  linesPerColumn: number;
}

// Floating-point slack so that 12 characters of 3.175 mm still fit a 38.1 mm measure.
const EPS = 1e-6;

export function pageGrid(geometry: PageGeometry): PageGrid {
  const { typeWidthMm, typeHeightMm, columns, gutterMm, bodySizePt, leadingPt } = geometry;
  const columnWidthMm = (typeWidthMm - (columns - 1) * gutterMm) / columns;
  const bodySizeMm = bodySizePt * MM_PER_PT;
  const leadingMm = leadingPt * MM_PER_PT;
  return {
    geometry,
    columnWidthMm,
    bodySizeMm,
    leadingMm,
    charsPerLine: Math.max(1, Math.floor(columnWidthMm / bodySizeMm + EPS)),
    linesPerColumn: Math.max(1, Math.floor(typeHeightMm / leadingMm + EPS)),
  };
}

/** A slot's region with every default filled in. */
export interface SlotRegion {
  col: number;
  cols: number;
  line: number;
  lines: number;
  photos: number;
  headline: HeadlineSize;
}

/** A slot's place among its page's slots: where a slot from an older plan (no region) is stacked. */
export interface SlotBand {
  index: number;
  count: number;
  /** The first line bands may take: below the masthead on the front page. */
  top?: number;
}

/** The plan's first page carries the masthead (报头): its top lines hold no slot. */
export function isFrontPage(plan: { pages: readonly Page[] }, page: Page): boolean {
  return plan.pages[0]?.label === page.label;
}

export function bandOf(plan: { pages: readonly Page[] }, page: Page, slotId: string): SlotBand {
  return {
    index: Math.max(
      0,
      page.slots.findIndex((s) => s.id === slotId),
    ),
    count: Math.max(1, page.slots.length),
    top: isFrontPage(plan, page) ? MASTHEAD_LINES : 0,
  };
}

/**
 * A slot's region with defaults: slots from older plans (id and target only) are stacked as full-width
 * bands, one per slot in page order, with a medium headline.
 */
export function slotRegion(slot: Slot, grid: PageGrid, band: SlotBand = { index: 0, count: 1 }): SlotRegion {
  const columns = grid.geometry.columns;
  const top = Math.min(band.top ?? 0, grid.linesPerColumn - 1);
  const bandLines = Math.floor((grid.linesPerColumn - top) / band.count);
  const col = Math.min(slot.col ?? 0, columns - 1);
  const line = Math.min(slot.line ?? top + band.index * bandLines, grid.linesPerColumn - 1);
  return {
    col,
    cols: Math.min(slot.cols ?? columns, columns - col),
    line,
    lines: Math.min(slot.lines ?? bandLines, grid.linesPerColumn - line),
    photos: slot.photos ?? 0,
    headline: slot.headline ?? 'medium',
  };
}

export interface BoxMm {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a region sits on the page, in mm from the page's top-left corner. */
export function regionBox(region: SlotRegion, grid: PageGrid): BoxMm {
  const g = grid.geometry;
  return {
    left: g.typeLeftMm + region.col * (grid.columnWidthMm + g.gutterMm),
    top: g.typeTopMm + region.line * grid.leadingMm,
    width: region.cols * grid.columnWidthMm + (region.cols - 1) * g.gutterMm,
    height: region.lines * grid.leadingMm,
  };
}
