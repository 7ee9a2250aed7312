/**
 * The flatplan's story pool (待排稿件): stories not yet placed on any page, of one status (approved by
 * default) or all with the approved first, asked of main a page at a time (the list channel's `page: '-'`
 * filter), so a store of 60,000 stories is never loaded whole; more on request, and fresh again when
 * stories are saved anywhere. While a search is typed, every story of the status is loaded (up to a cap)
 * so the search does not miss the ones not yet shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { api } from '../../api/transport';
import { LIST_PAGE_LIMIT } from '../../common/loadAllSummaries';
import { storiesChanged, useReloadOnEvents } from '../../common/useReloadOnEvents';
import { poolRequest, type PoolStatus } from './poolFilter';

/** Stories shown at first, and added by each "more". */
export const POOL_PAGE = 100;
/** The most a search loads to look through. */
const SEARCH_CAP = 5000;

export function useStoryPool(status: PoolStatus, searching: boolean) {
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [wanted, setWanted] = useState(POOL_PAGE);
  const [error, setError] = useState<IpcError | null>(null);
  const limitTo = searching ? SEARCH_CAP : wanted;
  // A slower answer for a status no longer chosen must not replace the newer one.
  const asked = useRef(0);

  // Another status starts again from its first page.
  useEffect(() => setWanted(POOL_PAGE), [status]);

  const reload = useCallback(async () => {
    const n = ++asked.current;
    const byId = new Map<string, ArticleSummary>();
    let matching = 0;
    for (let offset = 0; offset < limitTo; offset += LIST_PAGE_LIMIT) {
      const limit = Math.min(LIST_PAGE_LIMIT, limitTo - offset);
      const r = await api.call('articles.list', poolRequest(status, offset, limit));
      if (n !== asked.current) return;
      if (!r.ok) return setError(r.error);
      matching = r.value.total;
      // A save between two pages shifts the rest by one: keep each story once.
      for (const s of r.value.items) byId.set(s.id, s);
      if (r.value.items.length < limit) break;
    }
    setItems([...byId.values()]);
    setTotal(matching);
    setError(null);
  }, [limitTo, status]);

  useReloadOnEvents(reload, storiesChanged, 300);

  const more = useCallback(() => setWanted((w) => w + POOL_PAGE), []);
  return { items, total, error, reload, more: items && items.length < total && !searching ? more : null };
}
