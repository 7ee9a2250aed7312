/** Whole-plan rules: a plan that breaks them is never saved, and automatic targets follow the page grid. */
import type { IssueContent } from '../../model/issue';
import { pageGrid, slotRegion } from './pageGrid';
import type { PageGeometry } from '../../model/pageGeometry';
import { slotCapacity } from './slotCapacity';

/** Why the plan cannot be saved, or null when it can. */
export function planProblem(plan: IssueContent): string | null {
  const labels = new Set<string>();
  const parts = new Map<string, string[]>();
  for (const page of plan.pages) {
    if (labels.has(page.label)) return `版号 ${page.label} 重复。`;
    labels.add(page.label);
    const ids = new Set<string>();
    for (const slot of page.slots) {
      if (ids.has(slot.id)) return `${page.label} 版的版位 ${slot.id} 重复。`;
      ids.add(slot.id);
      if (slot.articleId) parts.set(slot.articleId, [...(parts.get(slot.articleId) ?? []), page.label]);
    }
  }
  for (const [id, pages] of parts) {
    if (pages.length > 2) return `稿件 ${id} 排在 ${pages.length} 个版位，最多两个（转版一次）。`;
    if (pages.length === 2 && pages[0] === pages[1]) return `稿件 ${id} 的转版须在另一个版面。`;
  }
  return null;
}

/** Sets every slot's target that was not typed by hand to its computed capacity. */
export function withComputedTargets(plan: IssueContent, geometry: PageGeometry): IssueContent {
  const grid = pageGrid(geometry);
  return {
    ...plan,
    pages: plan.pages.map((p) => ({
      ...p,
      slots: p.slots.map((s) =>
        s.targetManual ? s : { ...s, targetChars: slotCapacity(slotRegion(s, grid), grid).chars },
      ),
    })),
  };
}
