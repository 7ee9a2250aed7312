/**
 * The review panel beside the body: the suggestion-mode switch (留痕), pending suggestions to accept
 * or reject one by one, all at once or by person, and the comment threads (批注).
 */
import { memo } from 'react';
import { Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { changeAuthors, groupChanges, type ChangeListItem } from '../../../shared/rules/suggestions/changeList';
import type { StoryEditor } from '../../editor/customTypes';
import { authorSlotIn } from '../../editor/suggestions/authorColour';
import { sessionOf } from '../../editor/suggestions/session';
import { resolveAll, resolveAuthor, resolveChange, resolveIds } from '../../editor/suggestions/review';
import { useT, type Translate } from '../../i18n/i18n';
import { CommentThreads } from './CommentThreads';
import { useChangeList } from './useChangeList';
import './review.css';
import type { ReviewPanelProps } from '../../common/storyPanels';

type Props = ReviewPanelProps;

function showChange(editor: StoryEditor, item: ChangeListItem) {
  if (item.where !== 'body') {
    document.querySelector<HTMLElement>(`[data-testid="field-${item.where.toLowerCase()}"]`)?.focus();
    return;
  }
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
        {groupChanges(items).map(({ group, items: members }) =>
          group !== null && members.length > 1 ? (
            <li key={group} className="review-group" data-testid="change-group" data-group={group}>
              <div className="review-group-head">
                <span>{t('review.group', { n: members.length })}</span>
                <span className="spacer" />
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={readOnly}
                  onClick={() => resolveIds(editor, new Set(members.map((m) => m.id)), 'accept')}
                  data-testid="accept-group"
                >
                  {t('review.accept')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  disabled={readOnly}
                  onClick={() => resolveIds(editor, new Set(members.map((m) => m.id)), 'reject')}
                  data-testid="reject-group"
                >
                  {t('review.reject')}
                </button>
              </div>
              <ul>
                {members.map((item) => (
                  <ChangeRow key={item.id} item={item} editor={editor} readOnly={readOnly} slot={slot} t={t} />
                ))}
              </ul>
            </li>
          ) : (
            <ChangeRow key={members[0]!.id} item={members[0]!} editor={editor} readOnly={readOnly} slot={slot} t={t} />
          ),
        )}
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

const WHERE_LABEL = {
  body: 'review.where.body',
  kicker: 'story.kicker',
  headline: 'story.headline',
  subheadline: 'story.subheadline',
  source: 'story.source',
  deskNote: 'story.deskNote',
  bylines: 'story.bylines',
  correspondents: 'story.correspondents',
} as const;

interface RowProps {
  item: ChangeListItem;
  editor: StoryEditor;
  readOnly: boolean;
  slot: (author: string | null) => number;
  t: Translate;
}

/** One suggestion: who and when, where, and the words (a replacement shows the struck words with the new beside them). */
function ChangeRow({ item, editor, readOnly, slot, t }: RowProps) {
  const words =
    item.kind === 'split' || item.kind === 'join' ? (
      <span className="review-text">¶</span>
    ) : (
      <>
        {item.removed && <del className="review-text-del">{item.removed}</del>}
        {item.added && <ins className="review-text">{item.added}</ins>}
      </>
    );
  return (
    <li
      className={`review-item sg-author-${slot(item.author)}`}
      data-testid="change-item"
      data-id={item.id}
      data-kind={item.kind}
      data-where={item.where}
    >
      <div className="review-item-head">
        <span className="review-swatch" />
        <strong>{item.author ?? t('review.unknownAuthor')}</strong>
        <span className="muted">{item.role ? t(`role.${item.role}`) : ''}</span>
        <span className="muted">{item.at ? item.at.slice(5, 16).replace('T', ' ') : ''}</span>
      </div>
      <button type="button" className="review-excerpt link-btn" onClick={() => showChange(editor, item)}>
        <span className="review-kind">{t(`review.kind.${item.kind}`)}</span>
        {item.where !== 'body' && <span className="review-where">{t(WHERE_LABEL[item.where])}</span>}
        {words}
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
  );
}
