/** Loads a list once and again after stories are saved anywhere, a burst of saves costing one reload. */
import { useEffect } from 'react';
import { transport } from '../api/transport';

export function useReloadOnSaves(reload: () => Promise<void>): void {
  useEffect(() => {
    void reload();
    let pending: ReturnType<typeof setTimeout> | null = null;
    // A burst of saves (autosave in another window, an import, a sample load) refreshes the list once.
    const off = transport.onEvent((e) => {
      // The store's check at open may re-read or quarantine stories after the first listing.
      if ((e.event !== 'article.saved' && e.event !== 'articles.checked') || pending) return;
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
}
