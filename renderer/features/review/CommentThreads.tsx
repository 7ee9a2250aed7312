/**
 * Comment threads (批注) beside the body: add one on the selected words, reply, resolve and reopen.
 * A thread whose words were deleted stays, marked detached, with the words it was about.
 */
import { useMemo, useRef, useState } from 'react';
import { Range, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { StoryDocument } from '../../../shared/model/document';
import type { CommentThread } from '../../../shared/model/suggestions';
import { anchoredCommentIds } from '../../../shared/rules/suggestions/changeTable';
import type { StoryEditor } from '../../editor/customTypes';
import { anchorComment, commentRange } from '../../editor/suggestions/comments';
import { freshChangeId } from '../../editor/suggestions/session';
import { useT } from '../../i18n/i18n';

interface Props {
  editor: StoryEditor;
  threads: CommentThread[];
  onChange: (next: CommentThread[]) => void;
  userName: string;
  role: CommentThread['role'];
  readOnly: boolean;
  /** Changes when the body does, so detachment is re-read. */
  bodyVersion: number;
}

const now = () => new Date().toISOString();

export function CommentThreads({ editor, threads, onChange, userName, role, readOnly, bodyVersion }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [replies, setReplies] = useState<Record<string, string>>({});
  const target = useRef<Range | null>(null);
  const anchored = useMemo(
    () => anchoredCommentIds(editor.children as StoryDocument),
    // bodyVersion stands for the body's content, which the editor holds outside React.
    [editor, bodyVersion, threads],
  );

  const start = () => {
    const sel = editor.selection;
    if (!sel || Range.isCollapsed(sel)) return;
    target.current = sel;
    setDraft('');
  };
  const add = () => {
    const range = target.current;
    if (!range || !draft?.trim()) return;
    const id = freshChangeId();
    const quote = anchorComment(editor, range, id);
    if (quote === null) return;
    onChange([
      ...threads,
      {
        id,
        author: userName,
        role,
        at: now(),
        text: draft.trim(),
        quote: quote.slice(0, 400),
        resolved: false,
        replies: [],
      },
    ]);
    setDraft(null);
    target.current = null;
  };
  const update = (id: string, patch: (c: CommentThread) => CommentThread) =>
    onChange(threads.map((c) => (c.id === id ? patch(c) : c)));
  const reveal = (id: string) => {
    const range = commentRange(editor, id);
    if (!range) return;
    ReactEditor.focus(editor);
    Transforms.select(editor, range);
  };

  return (
    <section className="comments" data-testid="comments">
      <div className="comments-head">
        <strong>{t('comments.title')}</strong>
        <button
          type="button"
          className="btn btn-small"
          disabled={readOnly}
          onMouseDown={(e) => e.preventDefault()}
          onClick={start}
          data-testid="comment-add"
        >
          {t('comments.add')}
        </button>
      </div>
      {draft !== null && (
        <div className="comment-draft">
          <textarea
            value={draft}
            autoFocus
            rows={3}
            placeholder={t('comments.placeholder')}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="comment-text"
          />
          <div className="comment-actions">
            <button type="button" className="btn btn-small btn-primary" onClick={add} data-testid="comment-save">
              {t('comments.save')}
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setDraft(null)}>
              {t('comments.cancel')}
            </button>
          </div>
        </div>
      )}
      <ul className="comment-list">
        {threads.map((c) => {
          const detached = !anchored.has(c.id);
          return (
            <li
              key={c.id}
              className={`comment${c.resolved ? ' is-resolved' : ''}${detached ? ' is-detached' : ''}`}
              data-testid="comment-thread"
              data-id={c.id}
              data-detached={detached}
              data-resolved={c.resolved}
            >
              <button type="button" className="comment-quote link-btn" onClick={() => reveal(c.id)}>
                「{c.quote}」{detached && <span className="comment-badge">{t('comments.detached')}</span>}
              </button>
              <div className="comment-body">
                <strong>{c.author}</strong> <span className="muted">{c.at.slice(5, 16).replace('T', ' ')}</span>
                <p>{c.text}</p>
              </div>
              {c.replies.map((r) => (
                <div key={r.id} className="comment-reply" data-testid="comment-reply">
                  <strong>{r.author}</strong> <span className="muted">{r.at.slice(5, 16).replace('T', ' ')}</span>
                  <p>{r.text}</p>
                </div>
              ))}
              {!readOnly && (
                <div className="comment-actions">
                  {!c.resolved && (
                    <input
                      value={replies[c.id] ?? ''}
                      placeholder={t('comments.reply')}
                      onChange={(e) => setReplies((r) => ({ ...r, [c.id]: e.target.value }))}
                      onKeyDown={(e) => {
                        const text = (replies[c.id] ?? '').trim();
                        if (e.key !== 'Enter' || e.nativeEvent.isComposing || !text) return;
                        update(c.id, (x) => ({
                          ...x,
                          replies: [...x.replies, { id: freshChangeId(), author: userName, at: now(), text }],
                        }));
                        setReplies((r) => ({ ...r, [c.id]: '' }));
                      }}
                      data-testid="comment-reply-input"
                    />
                  )}
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    onClick={() => update(c.id, (x) => ({ ...x, resolved: !x.resolved }))}
                    data-testid={c.resolved ? 'comment-reopen' : 'comment-resolve'}
                  >
                    {c.resolved ? t('comments.reopen') : t('comments.resolve')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
