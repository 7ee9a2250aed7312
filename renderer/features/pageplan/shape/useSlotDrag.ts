/**
 * A pointer drag on a page sheet: drawing, moving or resizing a slot. Every pointer move gives a snapped
 * candidate and the plan rules' verdict on it (checked here, before anything is saved); letting go hands
 * an allowed candidate to `onDone`.
 */
import { useCallback, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { IssueContent, Page } from '../../../../shared/model/issue';
import type { GridRect } from '../../../../shared/model/slotEdit';
import type { PageGrid } from '../../../../shared/rules/pageplan/pageGrid';
import { rectProblem, type ShapeRefusal } from '../../../../shared/rules/pageplan/slotEdits';
import { dragRect, type DragMode, type SheetPoint } from './dragGeometry';

export interface SlotDrag {
  mode: DragMode;
  slotId: string | null;
  rect: GridRect;
  problem: ShapeRefusal | null;
  /** The pointer, in px from the sheet's top-left corner: where the refusal is shown. */
  x: number;
  y: number;
  changed: boolean;
}

interface Context {
  plan: IssueContent;
  page: Page;
  grid: PageGrid;
  onDone: (drag: SlotDrag) => void;
}

export function useSlotDrag(sheet: RefObject<HTMLDivElement | null>, ctx: Context) {
  const [drag, setDrag] = useState<SlotDrag | null>(null);
  const dragRef = useRef(drag);
  dragRef.current = drag;
  const origin = useRef<{ from: SheetPoint; start: GridRect | null } | null>(null);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  const point = useCallback(
    (e: PointerEvent): SheetPoint & { x: number; y: number } => {
      const box = sheet.current!.getBoundingClientRect();
      const x = e.clientX - box.left;
      const y = e.clientY - box.top;
      return { fx: x / box.width, fy: y / box.height, x, y };
    },
    [sheet],
  );

  const judge = useCallback(
    (mode: DragMode, slotId: string | null, rect: GridRect, x: number, y: number, changed: boolean): SlotDrag => {
      const { plan, page, grid } = ctxRef.current;
      const problem = rectProblem(plan, grid, page, rect, slotId ? [slotId] : []);
      return { mode, slotId, rect, problem, x, y, changed };
    },
    [],
  );

  const start = useCallback(
    (e: PointerEvent, mode: DragMode, slotId: string | null, rect: GridRect | null) => {
      if (e.button !== 0 || !sheet.current) return;
      e.preventDefault();
      e.stopPropagation();
      sheet.current.setPointerCapture(e.pointerId);
      const p = point(e);
      origin.current = { from: p, start: rect };
      const { grid } = ctxRef.current;
      const first = dragRect(mode, rect, p, p, grid.geometry.columns, grid.linesPerColumn);
      setDrag(judge(mode, slotId, first, p.x, p.y, false));
    },
    [judge, point, sheet],
  );

  const onPointerMove = useCallback(
    (e: PointerEvent) => {
      const o = origin.current;
      if (!o) return;
      const p = point(e);
      const { grid } = ctxRef.current;
      setDrag((d) => {
        if (!d) return d;
        const rect = dragRect(d.mode, o.start, o.from, p, grid.geometry.columns, grid.linesPerColumn);
        const same =
          rect.col === d.rect.col &&
          rect.cols === d.rect.cols &&
          rect.line === d.rect.line &&
          rect.lines === d.rect.lines;
        // Between grid steps only the pointer moves: the verdict is the same, and with no refusal to carry
        // along there is nothing to draw (the same state renders nothing).
        if (same) return d.problem ? { ...d, x: p.x, y: p.y } : d;
        return judge(d.mode, d.slotId, rect, p.x, p.y, true);
      });
    },
    [judge, point],
  );

  const finish = useCallback(
    (e: PointerEvent) => {
      if (!origin.current) return;
      origin.current = null;
      if (sheet.current?.hasPointerCapture(e.pointerId)) sheet.current.releasePointerCapture(e.pointerId);
      const d = dragRef.current;
      setDrag(null);
      // A click without a move changes nothing (a click on the sheet is not a one-cell slot).
      if (d && !d.problem && d.changed) ctxRef.current.onDone(d);
    },
    [sheet],
  );

  const cancel = useCallback(() => {
    origin.current = null;
    setDrag(null);
  }, []);

  return { drag, start, onPointerMove, onPointerUp: finish, cancel };
}
