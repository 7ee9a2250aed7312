/**
 * The desk's 署名待查 filter. The desk already holds every summary with its credit-problem
 * codes, so it filters what it has, by the same test as articles.list's creditProblems
 * option, rather than keeping a second list in step with saves.
 */
import type { ArticleSummary } from '../../../shared/model/article';

export function hasCreditProblems(summary: Pick<ArticleSummary, 'creditProblems'>): boolean {
  return summary.creditProblems.length > 0;
}
