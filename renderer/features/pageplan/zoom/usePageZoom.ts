/** The flatplan's zoom: the page width that fits the chosen zoom in the pages area, kept as the area resizes. */
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { pageWidth, THUMB_PX, ZOOMS, type Zoom } from './pageZoom';

const GAP = 12;
// The zoom a layout editor chose stays when they come back to the flatplan.
const KEY = 'newsdesk.flatplanZoom';
const saved = (): Zoom => {
  const z = localStorage.getItem(KEY);
  return (ZOOMS as readonly string[]).includes(z ?? '') ? (z as Zoom) : '4';
};
const PAD = 12;

export function usePageZoom(area: RefObject<HTMLElement | null>, pages: number) {
  const [zoom, setZoom] = useState<Zoom>(saved);
  useEffect(() => localStorage.setItem(KEY, zoom), [zoom]);
  const [size, setSize] = useState({ width: 1000, height: 700 });
  // Measured before the first paint, so the pages are not drawn once at a guessed size and again.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const seen = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    seen();
    const observer = new ResizeObserver(seen);
    observer.observe(el);
    return () => observer.disconnect();
  }, [area]);
  const width = pageWidth(zoom, pages, { ...size, gap: GAP, pad: PAD });
  const step = (by: number) => setZoom((z) => ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, ZOOMS.indexOf(z) + by))]!);
  return {
    zoom,
    setZoom,
    zoomIn: () => step(-1),
    zoomOut: () => step(1),
    style: { '--fp-page-w': `${width}px`, '--fp-gap': `${GAP}px`, '--fp-pad': `${PAD}px` } as Record<string, string>,
    thumbnails: width < THUMB_PX,
  };
}
