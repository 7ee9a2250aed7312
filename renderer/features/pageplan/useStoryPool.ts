/** Loads every story for the flatplan's story pool (page by page) and keeps the list fresh when stories are saved anywhere. */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { api, transport } from '../../api/transport';
import { loadAllSummaries } from '../desk/loadAllSummaries';

export function useStoryPool(includeSpiked: boolean) {
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const reload = useCallback(async () => {
    const r = await loadAllSummaries((offset, limit) => api.call('articles.list', { includeSpiked, limit, offset }));
    if (r.ok) {
      setItems(r.items);
      setError(null);
    } else setError(r.error);
  }, [includeSpiked]);

  useEffect(() => {
    void reload();
    let pending: ReturnType<typeof setTimeout> | null = null;
    // A burst of saves (autosave in another window, a sample load) refreshes the list once.
    const off = transport.onEvent((e) => {
      if (e.event !== 'article.saved' || pending) return;
      pending = setTimeout(() => {
        pending = null;
        void reload();
      }, 300);
    });
    return () => {
      off();
      if (pending) clearTimeout(pending);
    };
  }, [reload]);

  return { items, error, reload };
}
