/** The page proof's inputs: the day's plan and the stories on one page, refreshed when either is saved. */
import { useCallback, useState } from 'react';
import type { Article } from '../../../shared/model/article';
import { issueIdForDate, type Issue } from '../../../shared/model/issue';
import { api } from '../../api/transport';
import { useReloadOnEvents } from '../../common/useReloadOnEvents';

export interface ProofPageData {
  issue: Issue;
  stories: Map<string, Article>;
}

export function useProofPage(date: string, page: string) {
  const [data, setData] = useState<ProofPageData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('issues.get', { id: issueIdForDate(date) });
    if (!r.ok) return setError(r.error.message);
    const ids = new Set<string>();
    // Every story on the page, and the other part of any story that jumps to or from it.
    for (const s of r.value.pages.find((p) => p.label === page)?.slots ?? []) if (s.articleId) ids.add(s.articleId);
    const stories = new Map<string, Article>();
    await Promise.all(
      [...ids].map(async (id) => {
        const a = await api.call('articles.get', { id });
        if (a.ok) stories.set(id, a.value);
      }),
    );
    setError(null);
    setData({ issue: r.value, stories });
  }, [date, page]);

  useReloadOnEvents(load, (e) => !(e.event === 'issue.saved' && e.date !== date), 150);

  return { data, error };
}
