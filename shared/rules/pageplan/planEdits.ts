/** Placing, unplacing, moving and reordering stories in a plan: pure edits that say why when they refuse. */
import type { Placement } from '../../model/article';
import type { IssueContent, Page, Slot } from '../../model/issue';

export type PlanEditError = { ok: false; code: 'not_found' | 'validation'; reason: string };
export type PlanEdit = { ok: true; plan: IssueContent } | PlanEditError;

const refuse = (code: PlanEditError['code'], reason: string): PlanEditError => ({ ok: false, code, reason });

function withSlot(plan: IssueContent, page: string, slotId: string, change: (s: Slot) => Slot): IssueContent {
  return {
    ...plan,
    pages: plan.pages.map((p) =>
      p.label !== page ? p : { ...p, slots: p.slots.map((s) => (s.id === slotId ? change(s) : s)) },
    ),
  };
}

export function findSlot(plan: IssueContent, page: string, slotId: string): { page: Page; slot: Slot } | null {
  const p = plan.pages.find((x) => x.label === page);
  const slot = p?.slots.find((s) => s.id === slotId);
  return p && slot ? { page: p, slot } : null;
}

/** The slots holding a story, in page order. */
export function slotsOf(plan: IssueContent, articleId: string): { page: string; slotId: string }[] {
  const out: { page: string; slotId: string }[] = [];
  for (const p of plan.pages)
    for (const s of p.slots) if (s.articleId === articleId) out.push({ page: p.label, slotId: s.id });
  return out;
}

function lookup(plan: IssueContent, page: string, slotId: string) {
  const p = plan.pages.find((x) => x.label === page);
  if (!p) return refuse('not_found', `本期没有 ${page} 版。`);
  const slot = p.slots.find((s) => s.id === slotId);
  if (!slot) return refuse('not_found', `${page} 版没有版位 ${slotId}。`);
  return { ok: true as const, page: p, slot };
}

/**
 * Puts a story into an empty slot. A story already placed is refused unless `jump` asks for a second
 * part (转版), which must be on another page.
 */
export function placeStory(
  plan: IssueContent,
  articleId: string,
  page: string,
  slotId: string,
  opts: { jump?: boolean } = {},
): PlanEdit {
  const found = lookup(plan, page, slotId);
  if (!found.ok) return found;
  if (found.slot.articleId === articleId) return { ok: true, plan };
  if (found.slot.articleId) return refuse('validation', `${page} 版 ${slotId} 已有稿件，请先撤下或换位。`);
  const already = slotsOf(plan, articleId);
  if (already.length > 0 && !opts.jump) {
    const where = already[0]!;
    return refuse('validation', `稿件已排在 ${where.page} 版 ${where.slotId}，请先撤下或移动。`);
  }
  if (opts.jump) {
    if (already.length === 0) return refuse('validation', '转版前稿件须先排入一个版位。');
    if (already.length >= 2) return refuse('validation', '一篇稿件最多转版一次。');
    if (already[0]!.page === page) return refuse('validation', '转版须转到另一个版面。');
  }
  return { ok: true, plan: withSlot(plan, page, slotId, (s) => ({ ...s, articleId })) };
}

/** Takes a story out of every slot it is in. */
export function unplaceStory(plan: IssueContent, articleId: string): PlanEdit {
  if (slotsOf(plan, articleId).length === 0) return refuse('not_found', '稿件未排版。');
  return {
    ok: true,
    plan: {
      ...plan,
      pages: plan.pages.map((p) => ({
        ...p,
        slots: p.slots.map((s) => (s.articleId === articleId ? { ...s, articleId: undefined } : s)),
      })),
    },
  };
}

/**
 * Moves the story in one slot to another; if the target holds a story, the two swap places,
 * which is how stories are reordered on a page.
 */
export function moveStory(
  plan: IssueContent,
  from: { page: string; slotId: string },
  to: { page: string; slotId: string },
): PlanEdit {
  const a = lookup(plan, from.page, from.slotId);
  if (!a.ok) return a;
  const b = lookup(plan, to.page, to.slotId);
  if (!b.ok) return b;
  const moving = a.slot.articleId;
  if (!moving) return refuse('validation', `${from.page} 版 ${from.slotId} 是空版位。`);
  const other = b.slot.articleId;
  const parts = slotsOf(plan, moving);
  if (parts.length > 1 && parts.some((p) => p.page === to.page && p.slotId !== from.slotId))
    return refuse('validation', '转版的两部分不能排在同一版。');
  const swapped = withSlot(plan, from.page, from.slotId, (s) => ({ ...s, articleId: other }));
  return { ok: true, plan: withSlot(swapped, to.page, to.slotId, (s) => ({ ...s, articleId: moving })) };
}

/** Moves a slot to `index` in its page's reading order. */
export function reorderSlot(plan: IssueContent, page: string, slotId: string, index: number): PlanEdit {
  const found = lookup(plan, page, slotId);
  if (!found.ok) return found;
  const rest = found.page.slots.filter((s) => s.id !== slotId);
  const at = Math.max(0, Math.min(index, rest.length));
  const slots = [...rest.slice(0, at), found.slot, ...rest.slice(at)];
  return { ok: true, plan: { ...plan, pages: plan.pages.map((p) => (p.label === page ? { ...p, slots } : p)) } };
}

/** The placement a story's record carries: its first part's page and slot, and the slot's order on the page. */
export function placementIn(plan: IssueContent, articleId: string): Placement | null {
  for (const p of plan.pages) {
    const order = p.slots.findIndex((s) => s.articleId === articleId);
    if (order >= 0) return { issueDate: plan.date, page: p.label, slotId: p.slots[order]!.id, order };
  }
  return null;
}

/** Every story placed in the plan. */
export function placedIds(plan: IssueContent): Set<string> {
  const ids = new Set<string>();
  for (const p of plan.pages) for (const s of p.slots) if (s.articleId) ids.add(s.articleId);
  return ids;
}
