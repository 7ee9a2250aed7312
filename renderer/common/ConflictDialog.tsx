/** Shown when a save was refused because someone saved a newer version: keep mine, take theirs, merge, or compare. */
import { useMemo, useState } from 'react';
import { diffLines } from 'diff';
import type { Article, ArticleContent } from '../../shared/model/article';
import { blockText } from '../../shared/model/document';
import { useT } from '../i18n/i18n';
import { Dialog } from './dialog/Dialog';

interface Props {
  theirs: Article;
  mine: () => ArticleContent;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** Three-way merge of both edits against the version mine started from. */
  onMerge: () => void;
}

/** The story as lines a reporter reads: headline fields, then one line per block (captions included). */
export function storyAsLines(c: ArticleContent): string {
  const body = c.body.map((b) => (b.type === 'photo' ? `[图] ${b.caption}` : blockText(b)));
  return [c.kicker, c.headline, c.subheadline, '', ...body].join('\n') + '\n';
}

export function ConflictDialog({ theirs, mine, onKeepMine, onTakeTheirs, onMerge }: Props) {
  const t = useT();
  const [comparing, setComparing] = useState(false);
  const parts = useMemo(
    () => (comparing ? diffLines(storyAsLines(mine()), storyAsLines(theirs)) : []),
    [comparing, mine, theirs],
  );
  return (
    // Escape leaves the question open: the save waits on one of the three answers.
    <Dialog
      title={t('conflict.title')}
      onClose={() => undefined}
      role="alertdialog"
      className="dialog-wide"
      testId="conflict-dialog"
    >
      <p>
        {t('conflict.body', {
          who: theirs.updatedBy,
          at: new Date(theirs.updatedAt).toLocaleString(),
          rev: theirs.revision,
        })}
      </p>
      <div className="conflict-theirs" data-testid="conflict-theirs">
        <div className="conflict-headline">{theirs.headline}</div>
        <div className="conflict-preview">{theirs.body.slice(0, 3).map(blockText).join(' ')}</div>
      </div>
      {comparing && (
        <div className="diff" data-testid="conflict-diff">
          <div className="diff-legend">
            <span className="diff-del">{t('conflict.mine')}</span>
            <span className="diff-ins">{t('conflict.theirs')}</span>
          </div>
          <pre>
            {parts.map((p, i) => (
              <span key={i} className={p.added ? 'diff-ins' : p.removed ? 'diff-del' : undefined}>
                {p.value}
              </span>
            ))}
          </pre>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => setComparing((c) => !c)} data-testid="conflict-compare">
          {comparing ? t('conflict.hideCompare') : t('conflict.compare')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          onClick={onMerge}
          data-testid="conflict-merge"
          title={t('conflict.mergeHint')}
        >
          {t('conflict.merge')}
        </button>
        <button type="button" className="btn" onClick={onTakeTheirs} data-testid="conflict-take-theirs">
          {t('conflict.takeTheirs')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
          {t('conflict.keepMine')}
        </button>
      </div>
    </Dialog>
  );
}
