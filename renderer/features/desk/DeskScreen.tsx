/** The desk: the story list with filters and sort, full-text search, and New story. */
import { DateField } from '../../common/DateField';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { LIST_SORTS } from '../../../shared/ipc/contract';
import { ARTICLE_KINDS } from '../../../shared/model/article';
import { STATUSES } from '../../../shared/model/status';
import { api } from '../../api/transport';
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';
import { DESK_PAGE_SIZE, pageCount } from './deskQuery';
import { EMPTY_VIEW, type DayChoice, type DeskView } from './deskListQuery';
import { DeskPager } from './DeskPager';
import { SearchResults } from './SearchResults';
import { StoryTable } from './StoryTable';
import { useDeskPage } from './useDeskPage';
import { useSearch } from './useSearch';
import { FilterSelect } from './FilterSelect';
import { useSyncProblems } from '../../common/useSyncProblems';
import { SyncSetAsideBanner } from '../../common/SyncSetAsideBanner';
import { useKeptState } from './useKeptState';
import { DeletedStories } from './DeletedStories';

/** `importButton` is the copy desk's import, handed down by app/ (features do not import each other). */
export function DeskScreen({ onOpen, importButton }: { onOpen: (id: string) => void; importButton: ReactNode }) {
  const t = useT();
  // Kept for the page's session: coming back from a story finds the same filters, search, page and row.
  const [view, setView] = useKeptState<DeskView>('desk.view', EMPTY_VIEW);
  const [query, setQuery] = useKeptState('desk.query', '');
  const [selected, setSelected] = useKeptState('desk.selected', 0);
  const [page, setPage] = useKeptState('desk.page', 0);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Main filters, sorts and counts all stories; the desk holds one page of them.
  const { items, total, shownPage, facets, error: loadError } = useDeskPage(view, page);
  const search = useSearch(query);
  const problems = useSyncProblems();
  const refused = useMemo(() => new Map(problems.refused.map((r) => [r.id, r.reason])), [problems.refused]);
  const listRef = useRef<HTMLDivElement>(null);

  const shown = items ?? [];
  const pages = pageCount(total);
  const rows = search ? search.hits.map((h) => h.id) : shown.map((s) => s.id);
  const sel = Math.min(selected, Math.max(rows.length - 1, 0));

  const set = (patch: Partial<DeskView>) => {
    setView((v) => ({ ...v, ...patch }));
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
    else setError(errorText(t, r.error));
  }, [onOpen, t]);

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
        {importButton}
        <DeletedStories onOpen={onOpen} />
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
            role="combobox"
            aria-label={t('desk.searchPlaceholder')}
            aria-autocomplete="list"
            aria-expanded={!!search && search.hits.length > 0}
            aria-controls="desk-search-hits"
            aria-activedescendant={search?.hits[sel] ? `search-hit-${search.hits[sel].id}` : undefined}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
              if (!search || search.hits.length === 0 || e.nativeEvent.isComposing) return;
              // A list box under the field: the first hit is highlighted, ↓/↑ move the highlight while
              // typing goes on, Enter opens the highlighted hit.
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                e.stopPropagation();
                setSelected(e.key === 'ArrowDown' ? Math.min(sel + 1, rows.length - 1) : Math.max(sel - 1, 0));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                onOpen(rows[sel]!);
              }
            }}
          />
        </div>
        <span className="spacer" />
        <span className="muted hint">{t('desk.keyboardHint')}</span>
      </div>
      {!search && (
        <div className="desk-filters">
          <FilterSelect
            label={t('desk.filterDay')}
            value={view.day}
            testId="filter-day"
            options={[
              ['', t('desk.all')],
              ...(['today', 'yesterday', 'week', 'date'] as const).map((d) => [d, t(`desk.day.${d}`)] as const),
            ]}
            onChange={(day) => set({ day: day as DayChoice })}
          />
          {view.day === 'date' && (
            <DateField
              value={view.date}
              data-testid="filter-date"
              aria-label={t('desk.day.date')}
              onChange={(date) => set({ date })}
            />
          )}
          <FilterSelect
            label={t('desk.filterIssue')}
            value={view.issueDate}
            testId="filter-issue"
            options={[['', t('desk.all')], ...facets.issueDates.map((d) => [d, d] as const)]}
            onChange={(issueDate) => set({ issueDate })}
          />
          <FilterSelect
            label={t('desk.filterStatus')}
            value={view.status}
            testId="filter-status"
            options={[
              ['', t('desk.all')],
              ...STATUSES.filter((s) => s !== 'spiked' || view.includeSpiked).map(
                (s) => [s, t(`status.${s}`)] as const,
              ),
            ]}
            onChange={(status) => set({ status: status as DeskView['status'] })}
          />
          <FilterSelect
            label={t('desk.filterPage')}
            value={view.page}
            testId="filter-page"
            options={[['', t('desk.all')], ['-', t('desk.unplaced')], ...facets.pages.map((p) => [p, p] as const)]}
            onChange={(p) => set({ page: p })}
          />
          <FilterSelect
            label={t('desk.filterPerson')}
            value={view.person}
            testId="filter-person"
            options={[['', t('desk.all')], ...facets.people.map((p) => [p, p] as const)]}
            onChange={(person) => set({ person })}
          />
          <FilterSelect
            label={t('desk.sort')}
            value={view.sort}
            testId="sort"
            options={LIST_SORTS.map((s) => [s, t(`desk.sort.${s}`)] as const)}
            onChange={(sort) => set({ sort })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={view.reverse}
              data-testid="sort-reverse"
              onChange={(e) => set({ reverse: e.currentTarget.checked })}
            />
            {t('desk.reverse')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={view.includeSpiked}
              onChange={(e) => set({ includeSpiked: e.currentTarget.checked })}
            />
            {t('desk.includeSpiked')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={view.creditProblems}
              data-testid="filter-credits"
              onChange={(e) => set({ creditProblems: e.currentTarget.checked })}
            />
            {t('desk.creditFilter')}
          </label>
          <span className="spacer" />
          <span className="muted" data-testid="desk-count">
            {t('desk.count', { n: total })}
          </span>
        </div>
      )}
      {(error || loadError) && (
        <div className="banner banner-error">{error ?? (loadError && errorText(t, loadError))}</div>
      )}
      <SyncSetAsideBanner setAside={problems.setAside} />
      <div className="desk-list" ref={listRef} tabIndex={0} data-testid="desk-list">
        {search ? (
          <SearchResults
            query={search.q}
            hits={search.hits}
            total={search.total}
            pending={search.pending}
            selected={sel}
            onSelect={setSelected}
            onOpen={onOpen}
          />
        ) : items === null ? (
          <div className="empty">{t('app.loading')}</div>
        ) : shown.length === 0 ? (
          <div className="empty">{t('desk.empty')}</div>
        ) : (
          <StoryTable
            items={shown}
            selected={sel}
            onSelect={setSelected}
            onOpen={onOpen}
            refused={refused}
            sort={view.sort}
            reverse={view.reverse}
            onSort={(sort) => set(sort === view.sort ? { reverse: !view.reverse } : { sort, reverse: false })}
          />
        )}
      </div>
      {!search && total > shown.length && (
        <DeskPager
          page={page}
          shownPage={shownPage}
          pages={pages}
          first={shownPage * DESK_PAGE_SIZE + 1}
          last={shownPage * DESK_PAGE_SIZE + shown.length}
          total={total}
          onTurn={turnTo}
        />
      )}
    </div>
  );
}
