/** Whole-plan rules: a plan that breaks them is never saved, and automatic targets follow the page grid. */
import type { IssueContent } from '../../model/issue';
import { bandOf, isFrontPage, pageGrid, slotRegion, type SlotRegion } from './pageGrid';
import type { PageGeometry } from '../../model/pageGeometry';
import { MASTHEAD_LINES } from './pageTemplates';
import { slotCapacity } from './slotCapacity';

const overlaps = (a: SlotRegion, b: SlotRegion) =>
  a.col < b.col + b.cols && b.col < a.col + a.cols && a.line < b.line + b.lines && b.line < a.line + a.lines;

/**
 * Why the page cannot be printed as planned: two slots sharing lines of the same columns, or a slot on the
 * front page reaching into the masthead band. Either prints one text over another.
 */
function layoutProblem(plan: IssueContent, geometry: PageGeometry): string | null {
  const grid = pageGrid(geometry);
  for (const page of plan.pages) {
    const regions = page.slots.map((s) => ({ id: s.id, region: slotRegion(s, grid, bandOf(plan, page, s.id)) }));
    if (isFrontPage(plan, page))
      for (const { id, region } of regions)
        if (region.line < MASTHEAD_LINES)
          return `${page.label} 版的版位 ${id} 压住报头：头版前 ${MASTHEAD_LINES} 行留给报头，版位须从第 ${MASTHEAD_LINES + 1} 行起。`;
    for (const [i, a] of regions.entries())
      for (const b of regions.slice(i + 1))
        if (overlaps(a.region, b.region)) return `${page.label} 版的版位 ${a.id} 与 ${b.id} 重叠。`;
  }
  return null;
}

/** Why the plan cannot be saved, or null when it can. */
export function planProblem(plan: IssueContent, geometry: PageGeometry): string | null {
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
  return layoutProblem(plan, geometry);
}

/** Sets every slot's target that was not typed by hand to its computed capacity. */
export function withComputedTargets(plan: IssueContent, geometry: PageGeometry): IssueContent {
  const grid = pageGrid(geometry);
  return {
    ...plan,
    pages: plan.pages.map((p) => ({
      ...p,
      slots: p.slots.map((s) =>
        s.targetManual
          ? s
          : { ...s, targetChars: slotCapacity(slotRegion(s, grid, bandOf(plan, p, s.id)), grid).chars },
      ),
    })),
  };
}
