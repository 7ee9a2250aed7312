/** The page grid derived from the geometry: column width, characters per line, lines per column, slot boxes. */
import { MM_PER_PT, type PageGeometry } from '../../model/pageGeometry';
import type { HeadlineSize, Slot } from '../../model/issue';

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

/** Slots from older plans (id and target only) fill the whole type area with a medium headline. */
export function slotRegion(slot: Slot, grid: PageGrid): SlotRegion {
  const columns = grid.geometry.columns;
  const col = Math.min(slot.col ?? 0, columns - 1);
  const line = Math.min(slot.line ?? 0, grid.linesPerColumn - 1);
  return {
    col,
    cols: Math.min(slot.cols ?? columns, columns - col),
    line,
    lines: Math.min(slot.lines ?? grid.linesPerColumn, grid.linesPerColumn - line),
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
