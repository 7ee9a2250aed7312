/** Loads the story list and keeps it fresh when stories are saved anywhere. */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import { api, transport } from '../../api/transport';

export function useDeskData(includeSpiked: boolean) {
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await api.call('articles.list', { includeSpiked, limit: 500 });
    if (r.ok) {
      setItems(r.value.items);
      setError(null);
    } else setError(r.error.message);
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
