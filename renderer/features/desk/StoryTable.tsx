/** The desk's list of stories, navigable with ↑/↓ and opened with Enter or a click. */
import { memo, useEffect, useRef } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import { useT } from '../../i18n/i18n';
import { formatDeskTime } from './formatTime';

interface Props {
  items: ArticleSummary[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (id: string) => void;
}

export const StoryTable = memo(function StoryTable({ items, selected, onSelect, onOpen }: Props) {
  const t = useT();
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    body.current?.children[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <table className="story-table" data-testid="story-table">
      <thead>
        <tr>
          <th className="col-status">{t('desk.col.status')}</th>
          <th className="col-kind">{t('desk.col.kind')}</th>
          <th className="col-headline">{t('desk.col.headline')}</th>
          <th className="col-page">{t('desk.col.page')}</th>
          <th className="col-byline">{t('desk.col.byline')}</th>
          <th className="col-chars">{t('desk.col.chars')}</th>
          <th className="col-updated">{t('desk.col.updated')}</th>
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
            </td>
            <td className="muted">{t(`kind.${s.kind}`)}</td>
            <td className="cell-headline">
              {s.kicker && <span className="cell-kicker">{s.kicker}</span>}
              <button type="button" className="link-btn" onClick={() => onOpen(s.id)} data-testid="story-open">
                {s.headline || t('desk.untitled')}
              </button>
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
