/** A story's revision list and the two revisions being compared, fetched once each. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { api } from '../../api/transport';
import type { RevisionMeta } from '../../../shared/model/revisionMeta';
import { defaultPair, type RevisionPair } from './defaultPair';

export interface RevisionsState {
  list: RevisionMeta[] | null;
  pair: RevisionPair | null;
  setPair: (pair: RevisionPair) => void;
  from: Article | null;
  to: Article | null;
  error: IpcError | null;
}

/** A refused revisions.get, carried through Promise.all with its contract error intact. */
class RevisionFetchError extends Error {
  constructor(readonly error: IpcError) {
    super(error.code);
  }
}

export function useRevisions(id: string, ready: boolean): RevisionsState {
  const [list, setList] = useState<RevisionMeta[] | null>(null);
  const [pair, setPair] = useState<RevisionPair | null>(null);
  const [loaded, setLoaded] = useState<{ from: Article; to: Article } | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  // Revisions never change once written, so each is fetched at most once while the view is open.
  const cache = useRef(new Map<number, Article>());

  const fetchRevision = useCallback(
    async (revision: number): Promise<Article> => {
      const hit = cache.current.get(revision);
      if (hit) return hit;
      const r = await api.call('revisions.get', { id, revision });
      if (!r.ok) throw new RevisionFetchError(r.error);
      cache.current.set(revision, r.value);
      return r.value;
    },
    [id],
  );

  useEffect(() => {
    if (!ready) return;
    let live = true;
    void api.call('revisions.list', { id }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setList(r.value);
      setPair(defaultPair(r.value));
    });
    return () => {
      live = false;
    };
  }, [id, ready]);

  useEffect(() => {
    if (!pair) return;
    let live = true;
    Promise.all([fetchRevision(pair.from), fetchRevision(pair.to)]).then(
      ([from, to]) => live && setLoaded({ from, to }),
      (e: unknown) =>
        live && setError(e instanceof RevisionFetchError ? e.error : { code: 'internal', message: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [pair, fetchRevision]);

  const matches = loaded && pair && loaded.from.revision === pair.from && loaded.to.revision === pair.to;
  return { list, pair, setPair, from: matches ? loaded.from : null, to: matches ? loaded.to : null, error };
}
