/** One page of the desk list as main filters, sorts and counts it, refreshed when stories are saved anywhere. */
import { useCallback, useRef, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ArticleSummary } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { api } from '../../api/transport';
import { toListRequest, type DeskView } from './deskListQuery';
import { storiesChanged, useReloadOnEvents } from '../../common/useReloadOnEvents';

export function useDeskPage(view: DeskView, page: number) {
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  /** The page `items` belong to: the pager's range must describe the rows on screen, not the page just asked for. */
  const [shownPage, setShownPage] = useState(0);
  const [facets, setFacets] = useState<ResponseOf<'articles.facets'>>({ pages: [], people: [], issueDates: [] });
  const [error, setError] = useState<IpcError | null>(null);
  /** Only the latest request may set the list: an answer to an older filter arriving late is dropped. */
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const n = ++latest.current;
    const [r, f] = await Promise.all([
      api.call('articles.list', toListRequest(view, page, new Date())),
      api.call('articles.facets', {}),
    ]);
    if (n !== latest.current) return;
    if (r.ok) {
      setItems(r.value.items);
      setTotal(r.value.total);
      setShownPage(page);
      setError(null);
    } else setError(r.error);
    if (f.ok) setFacets(f.value);
  }, [view, page]);

  useReloadOnEvents(reload, storiesChanged, 300);

  return { items, total, shownPage, facets, error };
}
