/** Loads once, and again after the events that concern the screen (a burst costing one reload) or a lost connection's return. */
import { useEffect, useRef } from 'react';
import type { NewsdeskEvent } from '../../shared/ipc/events';
import { transport } from '../api/transport';

/** The story lists' events: a save anywhere, or the store's check at open re-reading or quarantining stories. */
export const storiesChanged = (e: NewsdeskEvent): boolean =>
  e.event === 'article.saved' || e.event === 'articles.checked';

/**
 * Calls `reload` on mount and whenever it changes, then once `delayMs` after the first event `concerns`
 * accepts; events arriving while that reload is pending join it (autosave in another window, an import,
 * a plan save that re-saves each moved story).
 */
export function useReloadOnEvents(
  reload: () => Promise<void>,
  concerns: (e: NewsdeskEvent) => boolean,
  delayMs: number,
): void {
  const concernsRef = useRef(concerns);
  concernsRef.current = concerns;
  useEffect(() => {
    void reload();
    let pending: ReturnType<typeof setTimeout> | null = null;
    const off = transport.onEvent((e) => {
      if (pending || !concernsRef.current(e)) return;
      pending = setTimeout(() => {
        pending = null;
        void reload();
      }, delayMs);
    });
    // After 连接中断, a retry that gets through loads again what the screen could not read meanwhile.
    const offConnection = transport.connection.onChange((lost) => {
      if (!lost) void reload();
    });
    return () => {
      off();
      offConnection();
      if (pending) clearTimeout(pending);
    };
  }, [reload, delayMs]);
}
