/**
 * What a slot's measured fit depends on, as one string: a measurement is reused only while all of it is
 * unchanged (the story's revision, the slot's region and any jump partner's, the page geometry, the
 * paper's name in the byline, and the proof's own stylesheet).
 */
import type { IssueContent } from '../model/issue';
import type { PageGeometry } from '../model/pageGeometry';
import { storyParts } from '../rules/pageplan/jumpLines';
import { bandOf, pageGrid, slotRegion } from '../rules/pageplan/pageGrid';
import { pageCss } from './proofCss';

export function slotFitKeyMaterial(
  plan: IssueContent,
  pageLabel: string,
  slotId: string,
  articleRevision: number,
  geometry: PageGeometry,
  paperName: string,
): string | null {
  const page = plan.pages.find((p) => p.label === pageLabel);
  const slot = page?.slots.find((s) => s.id === slotId);
  if (!page || !slot?.articleId) return null;
  const grid = pageGrid(geometry);
  const parts = storyParts(plan, slot.articleId).map((part) => {
    const p = plan.pages.find((x) => x.label === part.page)!;
    const s = p.slots.find((x) => x.id === part.slotId)!;
    return { ...part, region: slotRegion(s, grid, bandOf(plan, p, s.id)) };
  });
  return JSON.stringify({
    article: slot.articleId,
    revision: articleRevision,
    at: [pageLabel, slotId],
    parts,
    geometry,
    paperName,
    css: pageCss(grid),
  });
}
