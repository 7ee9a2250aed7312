/** Full-text search as the user types, debounced; a stale answer never replaces a newer one. */
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/ipc/contract';
import { api } from '../../api/transport';

const DEBOUNCE_MS = 200;

export function useSearch(query: string) {
  const [result, setResult] = useState<{ q: string; hits: SearchHit[]; total: number; pending: number } | null>(null);
  const asked = useRef(0);
  const q = query.trim();
  useEffect(() => {
    if (!q) {
      setResult(null);
      return;
    }
    const n = ++asked.current;
    const timer = setTimeout(() => {
      void api.call('search.query', { q, limit: 100 }).then((r) => {
        if (n !== asked.current) return;
        setResult(
          r.ok
            ? { q, hits: r.value.hits, total: r.value.total, pending: r.value.pending ?? 0 }
            : { q, hits: [], total: 0, pending: 0 },
        );
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);
  return q ? result : null;
}
