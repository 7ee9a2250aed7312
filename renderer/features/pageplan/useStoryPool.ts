/** Loads every story for the flatplan's story pool (page by page) and keeps the list fresh when stories are saved anywhere. */
import { useCallback, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { api } from '../../api/transport';
import { loadAllSummaries } from '../desk/loadAllSummaries';
import { useReloadOnSaves } from '../desk/useReloadOnSaves';

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

  useReloadOnSaves(reload);

  return { items, error, reload };
}
