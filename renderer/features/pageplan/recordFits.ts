/** Hands fits measured in the app to main, which keeps them for the flatplan and the gate (see slotFitStore). */
import type { Article } from '../../../shared/model/article';
import type { Issue } from '../../../shared/model/issue';
import type { SlotFit } from '../../../shared/proof/layout/measureSlots';
import { api } from '../../api/transport';

export async function recordFits(
  issue: Issue,
  stories: ReadonlyMap<string, Pick<Article, 'revision'>>,
  fits: readonly SlotFit[],
): Promise<number> {
  const out = [];
  for (const f of fits) {
    const story = f.articleId ? stories.get(f.articleId) : undefined;
    if (!f.articleId || !story) continue;
    out.push({
      page: f.page,
      slotId: f.slotId,
      articleId: f.articleId,
      articleRevision: story.revision,
      capacityLines: f.capacityLines,
      usedLines: f.usedLines,
      oversetLines: f.oversetLines,
      looseOversetLines: f.looseOversetLines,
      tightened: f.tightened,
    });
  }
  if (out.length === 0) return 0;
  const r = await api.call('pageplan.recordFits', { date: issue.date, planRevision: issue.revision, fits: out });
  // A read-only store keeps no fits: the screens then show the estimate, which is not an error to report.
  return r.ok ? r.value.recorded : 0;
}
