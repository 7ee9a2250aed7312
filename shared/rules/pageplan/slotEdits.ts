/**
 * Shaping a page: pure edits of its slots (draw, move, resize, split, merge, delete, target, continue a story)
 * that keep every slot inside the grid, off the masthead band and off each other, and say why when they refuse.
 */
import type { IssueContent, Page, Slot } from '../../model/issue';
import type { GridRect, SlotEdit } from '../../model/slotEdit';
import { bandOf, isFrontPage, slotRegion, type PageGrid } from './pageGrid';
import { MASTHEAD_LINES } from './pageTemplates';
import { placeStory } from './planEdits';
import { slotCapacity } from './slotCapacity';

/** Why a shape is refused, for the words shown where the pointer is. */
export type ShapeRefusalKind = 'outside' | 'masthead' | 'overlap' | 'not_found' | 'shape' | 'story' | 'full';

export interface ShapeRefusal {
  ok: false;
  code: 'not_found' | 'validation';
  kind: ShapeRefusalKind;
  reason: string;
  /** The slot the shape ran into (overlap). */
  other?: string;
}

export interface ShapeDone {
  ok: true;
  plan: IssueContent;
  /** Stories that lost their only slot: back in the pool. */
  unplaced: string[];
  /** The slot the edit made or changed (the first part after a split). */
  slotId: string;
}

export type ShapeEdit = ShapeDone | ShapeRefusal;

/** The most slots a page holds (the issue schema's limit). */
export const MAX_SLOTS_PER_PAGE = 40;

const refuse = (
  kind: ShapeRefusalKind,
  reason: string,
  other?: string,
  code: ShapeRefusal['code'] = 'validation',
): ShapeRefusal => ({ ok: false, code, kind, reason, ...(other ? { other } : {}) });

export const rectOf = (s: Pick<Slot, 'col' | 'cols' | 'line' | 'lines'>): GridRect | null =>
  s.col === undefined || s.cols === undefined || s.line === undefined || s.lines === undefined
    ? null
    : { col: s.col, cols: s.cols, line: s.line, lines: s.lines };

const overlaps = (a: GridRect, b: GridRect) =>
  a.col < b.col + b.cols && b.col < a.col + a.cols && a.line < b.line + b.lines && b.line < a.line + a.lines;

/**
 * The page with every slot's region written out: slots of older plans are stacked as bands that move when
 * the count of slots changes, so a page is pinned where it is drawn before any slot of it is shaped.
 */
export function pinnedPage(plan: IssueContent, grid: PageGrid, page: Page): Page {
  return {
    ...page,
    slots: page.slots.map((s) => {
      if (rectOf(s)) return s;
      const r = slotRegion(s, grid, bandOf(plan, page, s.id));
      return { ...s, col: r.col, cols: r.cols, line: r.line, lines: r.lines };
    }),
  };
}

/** Why `rect` cannot be a slot of `page` (ignoring the slots in `ignore`), or null when it can. */
export function rectProblem(
  plan: IssueContent,
  grid: PageGrid,
  page: Page,
  rect: GridRect,
  ignore: readonly string[] = [],
): ShapeRefusal | null {
  const { columns } = grid.geometry;
  const where = `${page.label} 版`;
  if (!Number.isInteger(rect.col + rect.cols + rect.line + rect.lines) || rect.cols < 1 || rect.lines < 1)
    return refuse('shape', `版位至少占一栏一行。`);
  if (rect.col < 0 || rect.line < 0 || rect.col + rect.cols > columns || rect.line + rect.lines > grid.linesPerColumn)
    return refuse('outside', `版位超出版心：${where}共 ${columns} 栏 ${grid.linesPerColumn} 行。`);
  if (isFrontPage(plan, page) && rect.line < MASTHEAD_LINES)
    return refuse('masthead', `头版前 ${MASTHEAD_LINES} 行留给报头，版位须从第 ${MASTHEAD_LINES + 1} 行起。`);
  const pinned = pinnedPage(plan, grid, page);
  for (const s of pinned.slots) {
    if (ignore.includes(s.id)) continue;
    const r = rectOf(s)!;
    if (overlaps(rect, r)) return refuse('overlap', `与版位 ${s.id} 重叠。`, s.id);
  }
  return null;
}

function lookup(plan: IssueContent, pageLabel: string, slotId?: string) {
  const page = plan.pages.find((p) => p.label === pageLabel);
  if (!page) return refuse('not_found', `本期没有 ${pageLabel} 版。`, undefined, 'not_found');
  if (slotId === undefined) return { ok: true as const, page, slot: null };
  const slot = page.slots.find((s) => s.id === slotId);
  if (!slot) return refuse('not_found', `${pageLabel} 版没有版位 ${slotId}。`, undefined, 'not_found');
  return { ok: true as const, page, slot };
}

/** A slot's automatic target follows its area; a typed one stays. */
export function withTarget(slot: Slot, grid: PageGrid): Slot {
  if (slot.targetManual) return slot;
  const r = rectOf(slot)!;
  const region = { ...r, photos: slot.photos ?? 0, headline: slot.headline ?? 'medium' };
  return { ...slot, targetChars: slotCapacity(region, grid).chars };
}

function withPage(plan: IssueContent, page: Page): IssueContent {
  return { ...plan, pages: plan.pages.map((p) => (p.label === page.label ? page : p)) };
}

/** Stories in `gone` that `plan` no longer places anywhere. */
function lost(plan: IssueContent, gone: readonly (string | undefined)[]): string[] {
  const placed = new Set(plan.pages.flatMap((p) => p.slots.map((s) => s.articleId)));
  return gone.filter((id): id is string => !!id && !placed.has(id));
}

/** The next free slot id on a page: A03-6 after A03-1…A03-5. */
export function nextSlotId(page: Page): string {
  const taken = new Set(page.slots.map((s) => s.id));
  for (let n = page.slots.length + 1; ; n++) if (!taken.has(`${page.label}-${n}`)) return `${page.label}-${n}`;
}

/** A drawn slot's headline: a banner across most of the page, smaller as the slot gets narrower and shorter. */
function headlineFor(rect: GridRect, columns: number) {
  if (rect.lines < 14) return 'small' as const;
  if (rect.cols >= columns - 1 && rect.lines >= 28) return 'large' as const;
  return rect.cols >= 3 ? ('medium' as const) : ('small' as const);
}

export function drawSlot(plan: IssueContent, grid: PageGrid, pageLabel: string, rect: GridRect): ShapeEdit {
  const found = lookup(plan, pageLabel);
  if (!found.ok) return found;
  if (found.page.slots.length >= MAX_SLOTS_PER_PAGE)
    return refuse('full', `${pageLabel} 版已有 ${MAX_SLOTS_PER_PAGE} 个版位。`);
  const problem = rectProblem(plan, grid, found.page, rect);
  if (problem) return problem;
  const page = pinnedPage(plan, grid, found.page);
  const id = nextSlotId(page);
  const slot = withTarget(
    { id, targetChars: 0, ...rect, photos: 0, headline: headlineFor(rect, grid.geometry.columns) },
    grid,
  );
  return { ok: true, plan: withPage(plan, { ...page, slots: [...page.slots, slot] }), unplaced: [], slotId: id };
}

/** Gives a slot a new region (move and resize are both this); its story stays in it. */
export function reshapeSlot(
  plan: IssueContent,
  grid: PageGrid,
  pageLabel: string,
  slotId: string,
  rect: GridRect,
): ShapeEdit {
  const found = lookup(plan, pageLabel, slotId);
  if (!found.ok) return found;
  const problem = rectProblem(plan, grid, found.page, rect, [slotId]);
  if (problem) return problem;
  const page = pinnedPage(plan, grid, found.page);
  const slots = page.slots.map((s) => (s.id === slotId ? withTarget({ ...s, ...rect }, grid) : s));
  return { ok: true, plan: withPage(plan, { ...page, slots }), unplaced: [], slotId };
}

export function moveSlot(
  plan: IssueContent,
  grid: PageGrid,
  pageLabel: string,
  slotId: string,
  to: { col: number; line: number },
): ShapeEdit {
  const found = lookup(plan, pageLabel, slotId);
  if (!found.ok) return found;
  const r = rectOf(pinnedPage(plan, grid, found.page).slots.find((s) => s.id === slotId)!)!;
  return reshapeSlot(plan, grid, pageLabel, slotId, { ...r, col: to.col, line: to.line });
}

/**
 * Cuts a slot in two: side by side (`columns`) or one above the other (`lines`). The story and photos stay in
 * the first part; the second is a new empty slot.
 */
export function splitSlot(
  plan: IssueContent,
  grid: PageGrid,
  pageLabel: string,
  slotId: string,
  axis: 'columns' | 'lines',
  at?: number,
): ShapeEdit {
  const found = lookup(plan, pageLabel, slotId);
  if (!found.ok) return found;
  if (found.page.slots.length >= MAX_SLOTS_PER_PAGE)
    return refuse('full', `${pageLabel} 版已有 ${MAX_SLOTS_PER_PAGE} 个版位。`);
  const page = pinnedPage(plan, grid, found.page);
  const slot = page.slots.find((s) => s.id === slotId)!;
  const r = rectOf(slot)!;
  const size = axis === 'columns' ? r.cols : r.lines;
  if (size < 2) return refuse('shape', axis === 'columns' ? '一栏宽的版位不能再竖分。' : '一行高的版位不能再横分。');
  const first = at ?? Math.floor(size / 2);
  if (first < 1 || first >= size) return refuse('shape', `分割处须在 1 到 ${size - 1} 之间。`);
  const a: GridRect = axis === 'columns' ? { ...r, cols: first } : { ...r, lines: first };
  const b: GridRect =
    axis === 'columns'
      ? { ...r, col: r.col + first, cols: r.cols - first }
      : { ...r, line: r.line + first, lines: r.lines - first };
  const id = nextSlotId(page);
  const second = withTarget(
    { id, targetChars: 0, ...b, photos: 0, headline: headlineFor(b, grid.geometry.columns) },
    grid,
  );
  const slots = page.slots.flatMap((s) => (s.id === slotId ? [withTarget({ ...s, ...a }, grid), second] : [s]));
  return { ok: true, plan: withPage(plan, { ...page, slots }), unplaced: [], slotId };
}

/** Two slots that together make a rectangle become one; at most one of them may hold a story. */
export function mergeSlots(
  plan: IssueContent,
  grid: PageGrid,
  pageLabel: string,
  slotId: string,
  withId: string,
): ShapeEdit {
  const a0 = lookup(plan, pageLabel, slotId);
  if (!a0.ok) return a0;
  const b0 = lookup(plan, pageLabel, withId);
  if (!b0.ok) return b0;
  if (slotId === withId) return refuse('shape', '请选另一个版位来合并。');
  const page = pinnedPage(plan, grid, a0.page);
  const a = page.slots.find((s) => s.id === slotId)!;
  const b = page.slots.find((s) => s.id === withId)!;
  const ra = rectOf(a)!;
  const rb = rectOf(b)!;
  const stacked =
    ra.col === rb.col && ra.cols === rb.cols && (ra.line + ra.lines === rb.line || rb.line + rb.lines === ra.line);
  const sideBySide =
    ra.line === rb.line && ra.lines === rb.lines && (ra.col + ra.cols === rb.col || rb.col + rb.cols === ra.col);
  if (!stacked && !sideBySide) return refuse('shape', `版位 ${slotId} 与 ${withId} 须上下或左右相接、合成一个矩形。`);
  if (a.articleId && b.articleId) return refuse('story', `版位 ${slotId} 与 ${withId} 都有稿件，请先撤下一篇。`);
  const rect: GridRect = {
    col: Math.min(ra.col, rb.col),
    cols: stacked ? ra.cols : ra.cols + rb.cols,
    line: Math.min(ra.line, rb.line),
    lines: stacked ? ra.lines + rb.lines : ra.lines,
  };
  const merged = withTarget(
    {
      ...a,
      ...rect,
      articleId: a.articleId ?? b.articleId,
      photos: Math.max(a.photos ?? 0, b.photos ?? 0),
    },
    grid,
  );
  if (!merged.articleId) delete merged.articleId;
  const slots = page.slots.filter((s) => s.id !== withId).map((s) => (s.id === slotId ? merged : s));
  return { ok: true, plan: withPage(plan, { ...page, slots }), unplaced: [], slotId };
}

/** Removes a slot; its story goes back to the pool unless its other part (转版) is still placed. */
export function deleteSlot(plan: IssueContent, grid: PageGrid, pageLabel: string, slotId: string): ShapeEdit {
  const found = lookup(plan, pageLabel, slotId);
  if (!found.ok) return found;
  const page = pinnedPage(plan, grid, found.page);
  const next = withPage(plan, { ...page, slots: page.slots.filter((s) => s.id !== slotId) });
  return { ok: true, plan: next, unplaced: lost(next, [found.slot?.articleId]), slotId };
}

/** A typed target in 字 or lines (kept in 字: lines times the measure), or `auto` to follow the area again. */
export function setSlotTarget(
  plan: IssueContent,
  grid: PageGrid,
  pageLabel: string,
  slotId: string,
  target: { chars: number } | { lines: number } | 'auto',
): ShapeEdit {
  const found = lookup(plan, pageLabel, slotId);
  if (!found.ok) return found;
  const page = pinnedPage(plan, grid, found.page);
  const slots = page.slots.map((s) => {
    if (s.id !== slotId) return s;
    if (target === 'auto') return withTarget({ ...s, targetManual: false }, grid);
    const chars = 'chars' in target ? target.chars : target.lines * grid.charsPerLine;
    return { ...s, targetChars: Math.min(100_000, chars), targetManual: true };
  });
  return { ok: true, plan: withPage(plan, { ...page, slots }), unplaced: [], slotId };
}

/** Continues a placed story (转版) into an empty slot on another page. */
export function continueStory(plan: IssueContent, articleId: string, pageLabel: string, slotId: string): ShapeEdit {
  const r = placeStory(plan, articleId, pageLabel, slotId, { jump: true });
  if (!r.ok) return refuse(r.code === 'not_found' ? 'not_found' : 'story', r.reason, undefined, r.code);
  return { ok: true, plan: r.plan, unplaced: [], slotId };
}

/** One edit as it arrives over IPC or from the flatplan. */
export function applySlotEdit(plan: IssueContent, grid: PageGrid, edit: SlotEdit): ShapeEdit {
  switch (edit.op) {
    case 'draw':
      return drawSlot(plan, grid, edit.page, edit.rect);
    case 'move':
      return moveSlot(plan, grid, edit.page, edit.slotId, edit);
    case 'resize':
      return reshapeSlot(plan, grid, edit.page, edit.slotId, edit.rect);
    case 'split':
      return splitSlot(plan, grid, edit.page, edit.slotId, edit.axis, edit.at);
    case 'merge':
      return mergeSlots(plan, grid, edit.page, edit.slotId, edit.with);
    case 'delete':
      return deleteSlot(plan, grid, edit.page, edit.slotId);
    case 'target':
      return setSlotTarget(plan, grid, edit.page, edit.slotId, edit.target);
    case 'continue':
      return continueStory(plan, edit.articleId, edit.page, edit.slotId);
  }
}
