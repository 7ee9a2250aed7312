/** The desk's list of stories, navigable with ↑/↓ and opened with Enter or a click. */
import { memo, useEffect, useRef } from 'react';
import type { ListSort } from '../../../shared/ipc/contract';
import type { ArticleSummary } from '../../../shared/model/article';
import { useT } from '../../i18n/i18n';
import { formatDeskTime } from '../../common/formatTime';

interface Props {
  items: ArticleSummary[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (id: string) => void;
  /** The column the list is sorted by; clicking a heading sorts by it, clicking it again turns the order round. */
  sort?: ListSort;
  reverse?: boolean;
  onSort?: (sort: ListSort) => void;
  /** Stories the hub refused, with its reason: marked 被拒 until they pass or are discarded. */
  refused?: ReadonlyMap<string, string>;
}

const COLUMNS = [
  ['col-status', 'status'],
  ['col-kind', 'kind'],
  ['col-headline', 'headline'],
  ['col-page', 'page'],
  ['col-byline', 'byline'],
  ['col-chars', 'chars'],
  ['col-updated', 'updated'],
] as const;

export const StoryTable = memo(function StoryTable({
  items,
  selected,
  onSelect,
  onOpen,
  sort,
  reverse,
  onSort,
  refused,
}: Props) {
  const t = useT();
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    body.current?.children[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <table className="story-table" data-testid="story-table">
      <thead>
        <tr>
          {COLUMNS.map(([className, column]) => (
            <th key={column} className={className}>
              {onSort ? (
                <button type="button" className="th-sort" onClick={() => onSort(column)} data-testid={`sort-${column}`}>
                  {t(`desk.col.${column}`)}
                  {sort === column && <span aria-hidden="true">{reverse ? ' ▲' : ' ▼'}</span>}
                </button>
              ) : (
                t(`desk.col.${column}`)
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body}>
        {items.map((s, i) => (
          <tr
            key={s.id}
            className={i === selected ? 'is-selected' : undefined}
            data-testid="story-row"
            data-id={s.id}
            aria-selected={i === selected}
            onClick={() => onSelect(i)}
            onDoubleClick={() => onOpen(s.id)}
          >
            <td>
              <span className={`status-pill status-${s.status}`}>{t(`status.${s.status}`)}</span>
              {(s.conflicts ?? 0) > 0 && (
                <span className="status-pill sync-conflict-pill" data-testid="desk-conflict">
                  {t('sync.conflictBadge')}
                </span>
              )}
              {refused?.has(s.id) && (
                <span className="status-pill sync-conflict-pill" data-testid="desk-refused" title={refused.get(s.id)}>
                  {t('sync.refusedBadge')}
                </span>
              )}
            </td>
            <td className="muted">{t(`kind.${s.kind}`)}</td>
            <td className="cell-headline">
              {s.kicker && <span className="cell-kicker">{s.kicker}</span>}
              <button type="button" className="link-btn" onClick={() => onOpen(s.id)} data-testid="story-open">
                {s.headline || t('desk.untitled')}
              </button>
              {(s.pendingSuggestions ?? 0) > 0 && (
                <span className="desk-flag" data-testid="desk-pending-suggestions">
                  {t('desk.pendingSuggestions', { n: s.pendingSuggestions ?? 0 })}
                </span>
              )}
              {(s.openComments ?? 0) > 0 && (
                <span className="desk-flag desk-flag-comments" data-testid="desk-open-comments">
                  {t('desk.openComments', { n: s.openComments ?? 0 })}
                </span>
              )}
            </td>
            <td>{s.placement ? s.placement.page : '—'}</td>
            <td className="cell-byline">{s.bylineNames.join('、') || s.source}</td>
            <td className="num">{s.bodyChars}</td>
            <td className="muted num">{formatDeskTime(s.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
