/**
 * The review panel beside the body: the suggestion-mode switch (留痕), pending suggestions to accept
 * or reject one by one, all at once or by person, and the comment threads (批注).
 */
import { memo } from 'react';
import { Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { changeAuthors, type ChangeListItem } from '../../../shared/rules/suggestions/changeList';
import type { StoryEditor } from '../../editor/customTypes';
import { authorSlotIn } from '../../editor/suggestions/authorColour';
import { sessionOf } from '../../editor/suggestions/session';
import { resolveAll, resolveAuthor, resolveChange } from '../../editor/suggestions/review';
import { useT } from '../../i18n/i18n';
import { CommentThreads } from './CommentThreads';
import { useChangeList } from './useChangeList';
import './review.css';
import type { ReviewPanelProps } from '../../common/storyPanels';

type Props = ReviewPanelProps;

function showChange(editor: StoryEditor, item: ChangeListItem) {
  try {
    ReactEditor.focus(editor);
    Transforms.select(editor, { path: [item.block, 0], offset: 0 });
  } catch {
    // The block moved since the list was read; the next read shows where it is.
  }
}

export const ReviewPanel = memo(function ReviewPanel(props: Props) {
  const { editor, readOnly } = props;
  const t = useT();
  const { items, anchors } = useChangeList(editor);
  const authors = changeAuthors(items);
  const slot = (author: string | null) => authorSlotIn(sessionOf(editor)?.table, author);
  return (
    <aside className="review-panel" data-testid="review-panel" aria-label={t('review.title')}>
      <div className="review-head">
        <label className="review-toggle">
          <input
            type="checkbox"
            checked={props.suggesting}
            disabled={readOnly}
            onChange={props.onToggleSuggesting}
            data-testid="suggest-toggle"
          />
          <span>{t('review.suggestMode')}</span>
        </label>
        <span className="muted" data-testid="suggestion-count">
          {t('review.pending', { n: items.length })}
        </span>
      </div>
      {items.length > 0 && (
        <div className="review-bulk">
          <button
            type="button"
            className="btn btn-small"
            disabled={readOnly}
            onClick={() => resolveAll(editor, 'accept')}
            data-testid="accept-all"
          >
            {t('review.acceptAll')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={readOnly}
            onClick={() => resolveAll(editor, 'reject')}
            data-testid="reject-all"
          >
            {t('review.rejectAll')}
          </button>
          {authors.map((a) => (
            <span key={a} className={`review-author sg-author-${slot(a)}`} data-testid="author-bulk">
              <span className="review-swatch" />
              {a}
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={readOnly}
                onClick={() => resolveAuthor(editor, a, 'accept')}
                data-testid={`accept-author-${a}`}
              >
                {t('review.accept')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={readOnly}
                onClick={() => resolveAuthor(editor, a, 'reject')}
                data-testid={`reject-author-${a}`}
              >
                {t('review.reject')}
              </button>
            </span>
          ))}
        </div>
      )}
      <ul className="review-list" data-testid="change-list">
        {items.map((item) => (
          <li
            key={item.id}
            className={`review-item sg-author-${slot(item.author)}`}
            data-testid="change-item"
            data-id={item.id}
            data-kind={item.kind}
          >
            <div className="review-item-head">
              <span className="review-swatch" />
              <strong>{item.author ?? t('review.unknownAuthor')}</strong>
              <span className="muted">{item.role ? t(`role.${item.role}`) : ''}</span>
              <span className="muted">{item.at ? item.at.slice(5, 16).replace('T', ' ') : ''}</span>
            </div>
            <button type="button" className="review-excerpt link-btn" onClick={() => showChange(editor, item)}>
              <span className="review-kind">{t(`review.kind.${item.kind}`)}</span>
              <span className={item.kind === 'delete' ? 'review-text-del' : 'review-text'}>{item.text}</span>
            </button>
            <div className="review-actions">
              <button
                type="button"
                className="btn btn-small"
                disabled={readOnly}
                onClick={() => resolveChange(editor, item.id, 'accept')}
                data-testid="accept-one"
              >
                {t('review.accept')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={readOnly}
                onClick={() => resolveChange(editor, item.id, 'reject')}
                data-testid="reject-one"
              >
                {t('review.reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <CommentThreads
        editor={editor}
        threads={props.comments}
        onChange={props.onCommentsChange}
        userName={props.userName}
        role={props.role}
        readOnly={readOnly}
        bodyVersion={anchors}
      />
    </aside>
  );
});
