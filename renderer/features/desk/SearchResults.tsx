/** Full-text search hits with the matching stretch highlighted. */
import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../shared/ipc/contract';
import { useT } from '../../i18n/i18n';
import { formatDeskTime } from '../../common/formatTime';
import { Highlight } from './Highlight';

interface Props {
  query: string;
  hits: SearchHit[];
  total: number;
  /** Stories the index has not taken in yet (catching up after a bulk import). */
  pending: number;
  selected: number;
  onSelect: (i: number) => void;
  onOpen: (id: string) => void;
}

export function SearchResults({ query, hits, total, pending, selected, onSelect, onOpen }: Props) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  // The highlighted hit stays in view as ↓/↑ move it.
  useEffect(() => {
    list.current?.children[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const catchingUp = pending > 0 && (
    <div className="banner banner-warn" role="status" data-testid="search-pending">
      {t('desk.searchPending', { n: pending })}
    </div>
  );
  if (hits.length === 0)
    return (
      <>
        {catchingUp}
        <div className="empty" data-testid="search-empty">
          {t('desk.noResults')}
        </div>
      </>
    );
  return (
    <div className="search-results" data-testid="search-results">
      {catchingUp}
      <div className="muted search-total">{t('desk.searchResults', { n: total })}</div>
      <ul role="listbox" id="desk-search-hits" aria-label={t('desk.searchResults', { n: total })} ref={list}>
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`search-hit-${h.id}`}
            role="option"
            aria-selected={i === selected}
            className={`search-hit${i === selected ? ' is-selected' : ''}`}
            data-testid="search-hit"
            data-id={h.id}
            onClick={() => onSelect(i)}
            onDoubleClick={() => onOpen(h.id)}
          >
            <div className="search-hit-head">
              <span className={`status-pill status-${h.status}`}>{t(`status.${h.status}`)}</span>
              {/* Not a button: an option holds no control of its own; the field's Enter opens the hit. */}
              <span className="link-btn search-hit-title" data-testid="search-hit-open" onClick={() => onOpen(h.id)}>
                <Highlight text={h.headline || t('desk.untitled')} query={query} />
              </span>
              <span className="muted">{formatDeskTime(h.updatedAt)}</span>
            </div>
            <div className="search-snippet">
              <span className="search-field">{t(`desk.field.${h.field}`)}</span>
              <Highlight text={h.snippet} query={query} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
