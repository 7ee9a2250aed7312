/** Stories waiting for the page (待排稿件): dragged onto a slot, or picked with Space and placed with Enter. */
import { memo, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import { useT } from '../../i18n/i18n';
import { DRAG_STORY } from './dragData';
import { POOL_STATUSES, type PoolStatus } from './poolFilter';

interface Props {
  stories: ArticleSummary[];
  /** Every unplaced story, of which `stories` are the newest. */
  total: number;
  /** Shows more of them; null when all are shown. */
  onMore: (() => void) | null;
  pickedId: string | null;
  onPick: (id: string) => void;
  status: PoolStatus;
  onStatus: (status: PoolStatus) => void;
  query: string;
  onQuery: (query: string) => void;
}

export const StoryPanel = memo(function StoryPanel(props: Props) {
  const { stories, total, onMore, pickedId, onPick } = props;
  const t = useT();
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      onPick(id);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
    }
  };
  return (
    <aside className="fp-stories" aria-label={t('plan.waiting')}>
      <h3>
        {t('plan.waiting')}{' '}
        <span className="muted" data-testid="fp-stories-total">
          {total}
        </span>
      </h3>
      <p className="muted hint">{t('plan.waitingHint')}</p>
      <div className="fp-pool-filter">
        <select
          value={props.status}
          aria-label={t('plan.poolStatus')}
          data-testid="fp-pool-status"
          onChange={(e) => props.onStatus(e.currentTarget.value as PoolStatus)}
        >
          {POOL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'all' ? t('plan.poolAll') : t(`status.${s}`)}
            </option>
          ))}
        </select>
        <input
          type="search"
          value={props.query}
          placeholder={t('plan.poolSearch')}
          aria-label={t('plan.poolSearch')}
          data-testid="fp-pool-search"
          onChange={(e) => props.onQuery(e.currentTarget.value)}
        />
      </div>
      <ul data-testid="fp-stories">
        {stories.map((s) => (
          <li
            key={s.id}
            tabIndex={0}
            draggable
            className={pickedId === s.id ? 'is-picked' : undefined}
            data-testid="fp-story"
            data-id={s.id}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_STORY, s.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onKeyDown={(e) => onKeyDown(e, s.id)}
            onClick={() => onPick(s.id)}
          >
            <span className={`status-pill status-${s.status}`}>{t(`status.${s.status}`)}</span>
            <span className="fp-story-title">{s.headline || t('desk.untitled')}</span>
            <span className="muted num">{t('plan.chars', { n: s.bodyChars })}</span>
          </li>
        ))}
      </ul>
      {onMore && (
        <button type="button" className="btn" onClick={onMore} data-testid="fp-stories-more">
          {t('plan.moreStories', { n: total - stories.length })}
        </button>
      )}
    </aside>
  );
});
