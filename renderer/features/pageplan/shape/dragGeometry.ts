/** Pointer positions on a page sheet turned into grid rectangles, snapped to columns and lines. */
import type { GridRect } from '../../../../shared/model/slotEdit';

/** What a drag does: draw a new slot, move one, or pull one of its edges or corners. */
export type DragMode = 'draw' | 'move' | 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** A pointer position as a fraction of the sheet (0…1 across, 0…1 down). */
export interface SheetPoint {
  fx: number;
  fy: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** The grid cell under a point. */
export function cellAt(p: SheetPoint, columns: number, lines: number): { col: number; line: number } {
  return {
    col: clamp(Math.floor(p.fx * columns), 0, columns - 1),
    line: clamp(Math.floor(p.fy * lines), 0, lines - 1),
  };
}

/**
 * The rectangle a drag gives: a drawn slot spans the cells from where the pointer went down to where it is;
 * a move shifts the slot by whole columns and lines; an edge snaps to the nearest column or line boundary.
 * The result stays on the sheet; whether it may be a slot there is the plan rules' to say.
 */
export function dragRect(
  mode: DragMode,
  start: GridRect | null,
  from: SheetPoint,
  to: SheetPoint,
  columns: number,
  lines: number,
): GridRect {
  if (mode === 'draw' || !start) {
    const a = cellAt(from, columns, lines);
    const b = cellAt(to, columns, lines);
    return {
      col: Math.min(a.col, b.col),
      cols: Math.abs(a.col - b.col) + 1,
      line: Math.min(a.line, b.line),
      lines: Math.abs(a.line - b.line) + 1,
    };
  }
  if (mode === 'move') {
    const dc = Math.round((to.fx - from.fx) * columns);
    const dl = Math.round((to.fy - from.fy) * lines);
    return {
      ...start,
      col: clamp(start.col + dc, 0, columns - start.cols),
      line: clamp(start.line + dl, 0, lines - start.lines),
    };
  }
  let left = start.col;
  let right = start.col + start.cols;
  let top = start.line;
  let bottom = start.line + start.lines;
  const x = Math.round(clamp(to.fx, 0, 1) * columns);
  const y = Math.round(clamp(to.fy, 0, 1) * lines);
  if (mode.includes('e')) right = clamp(x, left + 1, columns);
  if (mode.includes('w')) left = clamp(x, 0, right - 1);
  if (mode.includes('s')) bottom = clamp(y, top + 1, lines);
  if (mode.includes('n')) top = clamp(y, 0, bottom - 1);
  return { col: left, cols: right - left, line: top, lines: bottom - top };
}

/** A keyboard step: Alt+arrow moves a slot by a column or a line, Alt+Shift+arrow pulls its right or bottom edge. */
export function keyRect(key: string, resize: boolean, r: GridRect, step = 1): GridRect | null {
  const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key];
  if (!d) return null;
  const [dc, dl] = d as [number, number];
  return resize ? { ...r, cols: r.cols + dc, lines: r.lines + dl } : { ...r, col: r.col + dc, line: r.line + dl };
}
