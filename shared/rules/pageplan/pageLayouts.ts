/**
 * One page's layout as a template (版式模板): its slots' geometry, targets and kinds without the stories, taken
 * from a page and laid onto a page whose slots are all empty, through the same grid, masthead and overlap rules.
 */
import { z } from 'zod';
import type { IssueContent, Slot } from '../../model/issue';
import { SlotSchema } from '../../model/issue';
import { isFrontPage, type PageGrid } from './pageGrid';
import { pinnedPage, rectOf, rectProblem, withTarget, MAX_SLOTS_PER_PAGE, type ShapeEdit } from './slotEdits';

/** A template slot: always with its region (pinned when saved), never with a story. */
export const LayoutSlotSchema = SlotSchema.omit({ articleId: true, id: true })
  .extend({
    col: SlotSchema.shape.col.unwrap(),
    cols: SlotSchema.shape.cols.unwrap(),
    line: SlotSchema.shape.line.unwrap(),
    lines: SlotSchema.shape.lines.unwrap(),
  })
  .strict();
export type LayoutSlot = z.infer<typeof LayoutSlotSchema>;

export const PageLayoutSchema = z
  .object({
    /** True when saved from the front page: its top lines are the masthead band (报头), kept free. */
    masthead: z.boolean(),
    slots: z.array(LayoutSlotSchema).max(MAX_SLOTS_PER_PAGE),
  })
  .strict();
export type PageLayout = z.infer<typeof PageLayoutSchema>;

/** The layout of one page of the plan, or null when the plan has no such page. */
export function pageLayoutOf(plan: IssueContent, grid: PageGrid, pageLabel: string): PageLayout | null {
  const page = plan.pages.find((p) => p.label === pageLabel);
  if (!page) return null;
  const slots = pinnedPage(plan, grid, page).slots.map(({ id: _id, articleId: _story, ...s }) => ({
    ...s,
    ...rectOf(s)!,
  }));
  return { masthead: isFrontPage(plan, page), slots };
}

/**
 * Replaces a page's slots with a layout's. Refused when a story is placed on the page (the editor takes it off
 * first, so nothing leaves the page unseen), or when a slot of the layout would leave the grid, reach into this
 * page's masthead band or overlap another. Slots are numbered afresh for the page: A05-1, A05-2, …
 */
export function applyPageLayout(plan: IssueContent, grid: PageGrid, pageLabel: string, layout: PageLayout): ShapeEdit {
  const page = plan.pages.find((p) => p.label === pageLabel);
  if (!page) return { ok: false, code: 'not_found', kind: 'not_found', reason: `本期没有 ${pageLabel} 版。` };
  const placed = page.slots.filter((s) => s.articleId).map((s) => s.id);
  if (placed.length > 0)
    return {
      ok: false,
      code: 'validation',
      kind: 'story',
      reason: `${pageLabel} 版的版位 ${placed.join('、')} 已排稿件，请先撤下再套用版式。`,
    };
  let slots: Slot[] = [];
  for (const [i, s] of layout.slots.entries()) {
    const slot: Slot = { ...s, id: `${pageLabel}-${i + 1}` };
    const problem = rectProblem(plan, grid, { ...page, slots }, rectOf(slot)!);
    if (problem) return problem;
    slots = [...slots, withTarget(slot, grid)];
  }
  const next = { ...plan, pages: plan.pages.map((p) => (p.label === pageLabel ? { ...p, slots } : p)) };
  return { ok: true, plan: next, unplaced: [], slotId: slots[0]?.id ?? '' };
}
