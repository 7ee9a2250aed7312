/** A slot's capacity: body lines and 字数 left once headline, photos and the byline line are set. */
import type { HeadlineSize } from '../../model/issue';
import type { PageGrid, SlotRegion } from './pageGrid';

/** Headline sizes in points, as the proof sets them. */
export const HEADLINE_PT: Record<HeadlineSize, number> = { none: 0, small: 18, medium: 26, large: 36, banner: 54 };

/**
 * Body lines (per column, across the slot's width) the headline block takes: kicker, headline,
 * subheadline and white space. The proof gives the block exactly this height, so both agree.
 */
export const HEADLINE_LINES: Record<HeadlineSize, number> = { none: 0, small: 5, medium: 7, large: 9, banner: 12 };

/** Caption and credit under a photo band. */
export const CAPTION_LINES = 2;
/** The byline line (本报记者 …) opens the body in the first column. */
export const BYLINE_LINES = 1;
/** Photos are set 3:2 landscape. */
export const PHOTO_ASPECT = 2 / 3;

/** A photo band never takes more than this share of the slot under the headline: wide photos are cropped lower. */
export const PHOTO_MAX_SHARE = 0.45;
/** The lowest photo worth printing, in lines. */
const PHOTO_MIN_LINES = 4;

/**
 * Lines (per column) a band of `photos` photos side by side across the slot takes, caption included:
 * 3:2 at the band's width, cropped lower when that would eat more than PHOTO_MAX_SHARE of the slot.
 */
export function photoBandLines(region: SlotRegion, grid: PageGrid): number {
  if (region.photos === 0) return 0;
  const { gutterMm } = grid.geometry;
  const slotWidth = region.cols * grid.columnWidthMm + (region.cols - 1) * gutterMm;
  const photoWidth = (slotWidth - (region.photos - 1) * gutterMm) / region.photos;
  const natural = Math.ceil((photoWidth * PHOTO_ASPECT) / grid.leadingMm);
  const cap = Math.floor((region.lines - HEADLINE_LINES[region.headline]) * PHOTO_MAX_SHARE);
  return Math.max(PHOTO_MIN_LINES, Math.min(natural, cap)) + CAPTION_LINES;
}

export interface SlotCapacity {
  /** Lines per column left for body text under headline and photos. */
  bodyLinesPerColumn: number;
  /** Body lines in all columns, less the byline line: the slot's target in lines. */
  lines: number;
  /** Target 字数: lines times characters per line. */
  chars: number;
  charsPerLine: number;
}

export function slotCapacity(region: SlotRegion, grid: PageGrid): SlotCapacity {
  const bodyLinesPerColumn = Math.max(0, region.lines - HEADLINE_LINES[region.headline] - photoBandLines(region, grid));
  const lines = Math.max(0, bodyLinesPerColumn * region.cols - BYLINE_LINES);
  return { bodyLinesPerColumn, lines, chars: lines * grid.charsPerLine, charsPerLine: grid.charsPerLine };
}

/** Lines a story's text blocks take at `charsPerLine`: every paragraph starts a line and is indented two 字. */
export function estimateLines(paragraphChars: readonly number[], charsPerLine: number): number {
  let lines = 0;
  for (const n of paragraphChars) lines += Math.max(1, Math.ceil((n + 2) / charsPerLine));
  return lines;
}
