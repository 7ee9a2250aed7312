/**
 * The flatplan's story pool (待排稿件): stories not yet placed on any page, newest first, asked of main a
 * page at a time (the list channel's `page: '-'` filter), so a store of 60,000 stories is never loaded
 * whole; more on request, and fresh again when stories are saved anywhere.
 */
import { useCallback, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { api } from '../../api/transport';
import { LIST_PAGE_LIMIT } from '../../common/loadAllSummaries';
import { storiesChanged, useReloadOnEvents } from '../../common/useReloadOnEvents';

/** Stories shown at first, and added by each "more". */
export const POOL_PAGE = 100;

export function useStoryPool() {
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [wanted, setWanted] = useState(POOL_PAGE);
  const [error, setError] = useState<IpcError | null>(null);

  const reload = useCallback(async () => {
    const byId = new Map<string, ArticleSummary>();
    let matching = 0;
    for (let offset = 0; offset < wanted; offset += LIST_PAGE_LIMIT) {
      const limit = Math.min(LIST_PAGE_LIMIT, wanted - offset);
      const r = await api.call('articles.list', { page: '-', offset, limit });
      if (!r.ok) return setError(r.error);
      matching = r.value.total;
      // A save between two pages shifts the rest by one: keep each story once.
      for (const s of r.value.items) byId.set(s.id, s);
      if (r.value.items.length < limit) break;
    }
    setItems([...byId.values()]);
    setTotal(matching);
    setError(null);
  }, [wanted]);

  useReloadOnEvents(reload, storiesChanged, 300);

  const more = useCallback(() => setWanted((w) => w + POOL_PAGE), []);
  return { items, total, error, reload, more: items && items.length < total ? more : null };
}
