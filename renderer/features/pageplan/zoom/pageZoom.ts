/** How wide a page is drawn at each zoom: one page large for work, up to every page of the issue on one screen. */

export const ZOOMS = ['page', '2', '4', 'all'] as const;
export type Zoom = (typeof ZOOMS)[number];

/** Sheet height over width: the broadsheet's 350 × 490 mm type area. */
export const SHEET_RATIO = 490 / 350;
/** The page label row above each sheet, in px. */
export const PAGE_HEADER_PX = 22;

export interface ZoomBox {
  width: number;
  height: number;
  gap: number;
  pad: number;
}

const fitHeight = (box: ZoomBox, rows: number) =>
  ((box.height - 2 * box.pad - (rows - 1) * box.gap) / rows - PAGE_HEADER_PX) / SHEET_RATIO;
const fitWidth = (box: ZoomBox, across: number) => (box.width - 2 * box.pad - (across - 1) * box.gap) / across;

/** The page width in px for a zoom, in a scrolling area of `box` holding `pages` pages. */
export function pageWidth(zoom: Zoom, pages: number, box: ZoomBox): number {
  const n = Math.max(1, pages);
  if (zoom === 'page') return Math.max(120, Math.min(fitWidth(box, 1), fitHeight(box, 1)));
  if (zoom === '2' || zoom === '4') return Math.max(120, fitWidth(box, Number(zoom)));
  // Every page at once: the column count that gives the largest page that still fits both ways.
  let best = 40;
  for (let across = 1; across <= n; across++) {
    const w = Math.min(fitWidth(box, across), fitHeight(box, Math.ceil(n / across)));
    if (w > best) best = w;
  }
  return Math.floor(best);
}

/** Below this width a page is a thumbnail: headline, fill colour and flags, no figures. */
export const THUMB_PX = 210;
