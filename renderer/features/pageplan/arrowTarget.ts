/**
 * Which slot an arrow key moves to on the flatplan: the nearest slot lying in the arrow's direction on the
 * page as drawn (↓ is the slot below, not the next in order). Pages sit side by side, so ←/→ cross to the
 * neighbouring page at the same height. Pure, so the choice is a table test.
 */

export type Arrow = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/** A slot's box in one plane for all pages: columns across (page n starts after page n-1 and a gap), lines down. */
export interface SlotBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Places a slot's region (columns and lines on its page) in the plane of all pages shown. */
export function slotBox(
  pageIndex: number,
  columns: number,
  region: { col: number; cols: number; line: number; lines: number },
): SlotBox {
  return { x: pageIndex * (columns + 1) + region.col, y: region.line, w: region.cols, h: region.lines };
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/**
 * The index in `boxes` the arrow moves to from `from`, or `from` itself when nothing lies that way.
 * Among the slots wholly on the arrow's side, those sharing a stretch of the perpendicular axis win (the
 * slot straight below), then the nearest edge, then the nearest centre across, then page order.
 */
export function arrowTarget(boxes: readonly SlotBox[], from: number, arrow: Arrow): number {
  const cur = boxes[from];
  if (!cur) return from;
  const vertical = arrow === 'ArrowUp' || arrow === 'ArrowDown';
  const forward = arrow === 'ArrowDown' || arrow === 'ArrowRight';
  let best = from;
  let bestKey: number[] | null = null;
  boxes.forEach((b, i) => {
    if (i === from) return;
    // Distance from the current slot's leading edge to the candidate's near edge: negative means not that way.
    const gap = vertical
      ? forward
        ? b.y - (cur.y + cur.h)
        : cur.y - (b.y + b.h)
      : forward
        ? b.x - (cur.x + cur.w)
        : cur.x - (b.x + b.w);
    if (gap < 0) return;
    const shared = vertical
      ? overlap(cur.x, cur.x + cur.w, b.x, b.x + b.w)
      : overlap(cur.y, cur.y + cur.h, b.y, b.y + b.h);
    const across = vertical
      ? Math.abs(b.x + b.w / 2 - (cur.x + cur.w / 2))
      : Math.abs(b.y + b.h / 2 - (cur.y + cur.h / 2));
    const key = [shared > 0 ? 0 : 1, gap, across, i];
    if (!bestKey || less(key, bestKey)) {
      best = i;
      bestKey = key;
    }
  });
  return best;
}

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** The plan's row index an arrow moves to from row `from`, over the pages shown (rows of hidden pages are skipped). */
export function arrowRow(
  shown: readonly {
    label: string;
    slots: readonly { id: string; region: { col: number; cols: number; line: number; lines: number } }[];
  }[],
  columns: number,
  rowIndex: (page: string, slotId: string) => number,
  from: number,
  arrow: Arrow,
): number {
  const indices: number[] = [];
  const boxes: SlotBox[] = [];
  shown.forEach((page, p) =>
    page.slots.forEach((slot) => {
      const i = rowIndex(page.label, slot.id);
      if (i < 0) return;
      indices.push(i);
      boxes.push(slotBox(p, columns, slot.region));
    }),
  );
  const at = indices.indexOf(from);
  return at < 0 ? (indices[0] ?? from) : indices[arrowTarget(boxes, at, arrow)]!;
}
