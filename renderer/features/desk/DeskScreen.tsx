/** The desk: the story list with filters and sort, full-text search, and New story. */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ARTICLE_KINDS } from '../../../shared/model/article';
import { STATUSES } from '../../../shared/model/status';
import { api } from '../../api/transport';
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';
import {
  applyDeskFilter,
  deskPage,
  EMPTY_FILTER,
  pageCount,
  pagesIn,
  peopleIn,
  type DeskFilter,
  type DeskSort,
} from './deskQuery';
import { DeskPager } from './DeskPager';
import { SearchResults } from './SearchResults';
import { StoryTable } from './StoryTable';
import { useDeskData } from './useDeskData';
import { useSearch } from './useSearch';
import { hasCreditProblems } from '../copydesk/creditFilter';
import { ImportCopyButton } from '../copydesk/ImportCopyButton';
import { FilterSelect } from './FilterSelect';

export function DeskScreen({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const [filter, setFilter] = useState<DeskFilter>(EMPTY_FILTER);
  const [includeSpiked, setIncludeSpiked] = useState(false);
  const [creditsToCheck, setCreditsToCheck] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { items, error: loadError } = useDeskData(includeSpiked);
  const search = useSearch(query);
  const listRef = useRef<HTMLDivElement>(null);

  const shown = useMemo(
    () => applyDeskFilter(items ?? [], filter).filter((s) => !creditsToCheck || hasCreditProblems(s)),
    [items, filter, creditsToCheck],
  );
  const pages = useMemo(() => pagesIn(items ?? []), [items]);
  const people = useMemo(() => peopleIn(items ?? []), [items]);
  const current = deskPage(shown, page);
  const rows = search ? search.hits.map((h) => h.id) : current.rows.map((s) => s.id);
  const sel = Math.min(selected, Math.max(rows.length - 1, 0));

  const set = (patch: Partial<DeskFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setSelected(0);
    setPage(0);
  };
  const turnTo = (p: number) => {
    setPage(p);
    setSelected(0);
  };

  const newStory = useCallback(async () => {
    setCreating(true);
    const r = await api.call('articles.create', { kind: ARTICLE_KINDS[0] });
    setCreating(false);
    if (r.ok) onOpen(r.value.id);
    else setError(r.error.message);
  }, [onOpen]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || rows.length === 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected(Math.min(sel + 1, rows.length - 1));
      listRef.current?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected(Math.max(sel - 1, 0));
    } else if (e.key === 'Enter' && e.target === listRef.current) {
      e.preventDefault();
      onOpen(rows[sel]!);
    }
  };

  return (
    <div className="desk" data-testid="desk" onKeyDown={onKeyDown}>
      <div className="desk-bar">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void newStory()}
          disabled={creating}
          data-testid="new-story"
        >
          + {t('desk.newStory')}
        </button>
        <ImportCopyButton onOpen={onOpen} />
        <div className="search-box">
          <input
            type="search"
            value={query}
            placeholder={t('desk.searchPlaceholder')}
            data-testid="search-input"
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setSelected(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
            }}
          />
        </div>
        <span className="spacer" />
        <span className="muted hint">{t('desk.keyboardHint')}</span>
      </div>
      {!search && (
        <div className="desk-filters">
          <FilterSelect
            label={t('desk.filterStatus')}
            value={filter.status}
            testId="filter-status"
            options={[
              ['', t('desk.all')],
              ...STATUSES.filter((s) => s !== 'spiked' || includeSpiked).map((s) => [s, t(`status.${s}`)] as const),
            ]}
            onChange={(status) => set({ status: status as DeskFilter['status'] })}
          />
          <FilterSelect
            label={t('desk.filterPage')}
            value={filter.page}
            testId="filter-page"
            options={[['', t('desk.all')], ['-', t('desk.unplaced')], ...pages.map((p) => [p, p] as const)]}
            onChange={(page) => set({ page })}
          />
          <FilterSelect
            label={t('desk.filterPerson')}
            value={filter.person}
            testId="filter-person"
            options={[['', t('desk.all')], ...people.map((p) => [p, p] as const)]}
            onChange={(person) => set({ person })}
          />
          <FilterSelect
            label={t('desk.sort')}
            value={filter.sort}
            testId="sort"
            options={(['updated', 'page', 'chars', 'status'] as const).map((s) => [s, t(`desk.sort.${s}`)] as const)}
            onChange={(sort) => set({ sort: sort as DeskSort })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={includeSpiked}
              onChange={(e) => {
                setIncludeSpiked(e.currentTarget.checked);
                turnTo(0);
              }}
            />
            {t('desk.includeSpiked')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={creditsToCheck}
              data-testid="filter-credits"
              onChange={(e) => {
                setCreditsToCheck(e.currentTarget.checked);
                turnTo(0);
              }}
            />
            {t('desk.creditFilter')}
          </label>
          <span className="spacer" />
          <span className="muted" data-testid="desk-count">
            {t('desk.count', { n: shown.length })}
          </span>
        </div>
      )}
      {(error || loadError) && (
        <div className="banner banner-error">{error ?? (loadError && errorText(t, loadError))}</div>
      )}
      <div className="desk-list" ref={listRef} tabIndex={0} data-testid="desk-list">
        {search ? (
          <SearchResults
            query={search.q}
            hits={search.hits}
            total={search.total}
            selected={sel}
            onSelect={setSelected}
            onOpen={onOpen}
          />
        ) : items === null ? (
          <div className="empty">{t('app.loading')}</div>
        ) : shown.length === 0 ? (
          <div className="empty">{t('desk.empty')}</div>
        ) : (
          <StoryTable items={current.rows} selected={sel} onSelect={setSelected} onOpen={onOpen} />
        )}
      </div>
      {!search && shown.length > current.rows.length && (
        <DeskPager
          page={current.page}
          pages={pageCount(shown.length)}
          first={current.first + 1}
          last={current.first + current.rows.length}
          total={shown.length}
          onTurn={turnTo}
        />
      )}
    </div>
  );
}
