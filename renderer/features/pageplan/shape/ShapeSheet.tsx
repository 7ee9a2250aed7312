/**
 * A page sheet you can shape: drag on free lines to draw a slot; the selected slot gets a move grip and
 * edge handles; Alt+arrows move it, Alt+Shift+arrows pull its right or bottom edge, Shift+Delete removes it.
 * Every candidate is checked by the plan rules as the pointer moves, and a refusal is shown where it is.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FlatplanRow } from '../../../../shared/model/flatplan';
import type { IssueContent, Page } from '../../../../shared/model/issue';
import type { GridRect, SlotEdit } from '../../../../shared/model/slotEdit';
import type { PageGrid } from '../../../../shared/rules/pageplan/pageGrid';
import { slotCapacity } from '../../../../shared/rules/pageplan/slotCapacity';
import { pinnedPage, rectOf, rectProblem } from '../../../../shared/rules/pageplan/slotEdits';
import { useT } from '../../../i18n/i18n';
import { keyRect, type DragMode } from './dragGeometry';
import { refusalText } from './refusalText';
import { useSlotDrag, type SlotDrag } from './useSlotDrag';
import './shape.css';

interface Props {
  plan: IssueContent;
  page: Page;
  grid: PageGrid;
  /** This page's flatplan rows: the live fill of a slot being resized. */
  rows: readonly FlatplanRow[];
  /** The focused slot when it is on this page. */
  selected: string | null;
  /** Saves one edit as one undo step; false when main refused it. */
  onEdit: (edit: SlotEdit, undoLabel: 'draw' | 'move' | 'resize' | 'delete') => Promise<boolean>;
  children: ReactNode;
}

const EDGES: DragMode[] = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw'];

const pct = (r: GridRect, grid: PageGrid) => ({
  left: `${(r.col / grid.geometry.columns) * 100}%`,
  width: `${(r.cols / grid.geometry.columns) * 100}%`,
  top: `${(r.line / grid.linesPerColumn) * 100}%`,
  height: `${(r.lines / grid.linesPerColumn) * 100}%`,
});

export function ShapeSheet({ plan, page, grid, rows, selected, onEdit, children }: Props) {
  const t = useT();
  const sheet = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState<{ text: string; x: number; y: number } | null>(null);
  const pinned = pinnedPage(plan, grid, page);
  const selectedSlot = selected ? pinned.slots.find((s) => s.id === selected) : undefined;
  const selectedRect = selectedSlot ? rectOf(selectedSlot) : null;

  const onDone = useCallback(
    (d: SlotDrag) => {
      if (d.mode === 'draw') void onEdit({ op: 'draw', page: page.label, rect: d.rect }, 'draw');
      else if (d.slotId && d.mode === 'move')
        void onEdit({ op: 'move', page: page.label, slotId: d.slotId, col: d.rect.col, line: d.rect.line }, 'move');
      else if (d.slotId) void onEdit({ op: 'resize', page: page.label, slotId: d.slotId, rect: d.rect }, 'resize');
    },
    [onEdit, page.label],
  );
  const { drag, start, onPointerMove, onPointerUp, cancel } = useSlotDrag(sheet, { plan, page, grid, onDone });

  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), 4000);
    return () => clearTimeout(timer);
  }, [note]);

  // Shape keys are taken before the flatplan's own slot keys (arrows select, Delete unplaces).
  const onKeyDownCapture = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement;
    const slotId = el.dataset.testid === 'fp-slot' ? el.dataset.slot : undefined;
    if (!slotId) return;
    if (e.key === 'Escape' && drag) {
      cancel();
      return;
    }
    const slot = pinned.slots.find((s) => s.id === slotId);
    const rect = slot ? rectOf(slot) : null;
    if (!rect) return;
    const shown = (text: string) => {
      const box = sheet.current!.getBoundingClientRect();
      setNote({
        text,
        x: ((rect.col + rect.cols / 2) / grid.geometry.columns) * box.width,
        y: (rect.line / grid.linesPerColumn) * box.height,
      });
    };
    if (e.key === 'Delete' && e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      void onEdit({ op: 'delete', page: page.label, slotId }, 'delete');
      return;
    }
    if (!e.altKey) return;
    const next = keyRect(e.key, e.shiftKey, rect, e.ctrlKey ? 5 : 1);
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    const problem = rectProblem(plan, grid, page, next, [slotId]);
    if (problem) return shown(refusalText(t, problem));
    setNote(null);
    if (e.shiftKey) void onEdit({ op: 'resize', page: page.label, slotId, rect: next }, 'resize');
    else void onEdit({ op: 'move', page: page.label, slotId, col: next.col, line: next.line }, 'move');
  };

  // The words sit beside the point on the side with room, so they stay on the page and off the next one.
  const inside = (x: number, y: number, gap: number) => {
    const width = sheet.current?.clientWidth ?? 0;
    return x > width / 2 ? { right: Math.max(0, width - x + gap), top: y } : { left: x + gap, top: y };
  };
  const row = drag?.slotId ? rows.find((r) => r.slotId === drag.slotId) : undefined;
  const dragSlot = drag?.slotId ? pinned.slots.find((s) => s.id === drag.slotId) : undefined;
  // Live fill: a story's lines do not depend on how many columns it spans, only the slot's capacity does.
  const capacity = drag
    ? slotCapacity({ ...drag.rect, photos: dragSlot?.photos ?? 0, headline: dragSlot?.headline ?? 'medium' }, grid)
        .lines
    : 0;
  const fill = !row?.articleId
    ? 'is-empty'
    : row.actualLines > capacity
      ? 'is-overset'
      : capacity - row.actualLines > Math.max(2, capacity * 0.1)
        ? 'is-underset'
        : 'is-fit';

  return (
    <div
      className={`fp-sheet${drag ? ' is-shaping' : ''}`}
      ref={sheet}
      data-testid="fp-sheet"
      data-page={page.label}
      onPointerDown={(e) => {
        // Only the bare sheet draws: a press on a slot is the slot's (select, drag its story).
        if (e.target === e.currentTarget) start(e, 'draw', null, null);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={cancel}
      onKeyDownCapture={onKeyDownCapture}
    >
      {children}
      {selectedRect && !drag && (
        <div className="fp-shaper" style={pct(selectedRect, grid)} data-testid="fp-shaper">
          <div
            className="fp-grip"
            title={t('plan.shape.moveHint')}
            data-testid="fp-grip"
            onPointerDown={(e) => start(e, 'move', selected, selectedRect)}
          />
          {EDGES.map((m) => (
            <div
              key={m}
              className={`fp-handle fp-handle-${m}`}
              data-testid={`fp-handle-${m}`}
              onPointerDown={(e) => start(e, m, selected, selectedRect)}
            />
          ))}
        </div>
      )}
      {drag && (
        <div
          className={`fp-ghost ${drag.problem ? 'is-refused' : fill}`}
          style={pct(drag.rect, grid)}
          data-testid="fp-ghost"
          data-rect={`${drag.rect.col},${drag.rect.cols},${drag.rect.line},${drag.rect.lines}`}
        >
          <span>{t('plan.shape.size', { cols: drag.rect.cols, lines: drag.rect.lines })}</span>
          {row?.articleId ? (
            <span data-testid="fp-ghost-fill">
              {t('plan.fillLines', { actual: row.actualLines, target: capacity })}
            </span>
          ) : (
            <span>{t('plan.emptySlot', { chars: capacity * grid.charsPerLine })}</span>
          )}
        </div>
      )}
      {drag?.problem && (
        <div className="fp-refusal" style={inside(drag.x, drag.y + 12, 12)} data-testid="fp-refusal" role="status">
          {refusalText(t, drag.problem)}
        </div>
      )}
      {note && (
        <div className="fp-refusal" style={inside(note.x, note.y, 0)} data-testid="fp-refusal" role="status">
          {note.text}
        </div>
      )}
    </div>
  );
}
