/** What the hub refused and what this desk could not read, reloaded whenever sync reports. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/ipc/contract';
import { api, transport } from '../api/transport';

export type SyncProblems = ResponseOf<'sync.problems'>;
const NONE: SyncProblems = { refused: [], setAside: [] };

export function useSyncProblems(): SyncProblems {
  const [problems, setProblems] = useState<SyncProblems>(NONE);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void api.call('sync.problems', {}).then((r) => {
        if (alive && r.ok) setProblems(r.value);
      });
    load();
    const off = transport.onEvent((e) => {
      // A push or pull ends with a status report; a discard or a save ends with a saved story.
      if (e.event === 'sync.status' || e.event === 'article.saved') load();
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return problems;
}
