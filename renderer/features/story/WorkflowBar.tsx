/**
 * Workflow moves for the user's role (the server checks again and may refuse with a reason),
 * plus spike and restore. A return asks for a note, which lands in the desk note.
 */
import { useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { ArticleStatus, UserRole } from '../../../shared/model/status';
import { FORWARD, workflowButtons } from '../../../shared/rules/workflowButtons';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { ConfirmDialog } from '../../common/dialog/ConfirmDialog';
import { Dialog } from '../../common/dialog/Dialog';

export type WorkflowMove =
  { to: Exclude<ArticleStatus, 'spiked'>; note?: string } | { to: 'spiked' } | { to: 'restored' };

/** Mirrors the rule in shared/rules/workflow: reporters spike only drafts, desks anything, layout nothing. */
function maySpike(role: UserRole, status: ArticleStatus): boolean {
  return role === 'reporter' ? status === 'draft' : role === 'copy-editor' || role === 'chief-editor';
}

export function labelFor(from: ArticleStatus, to: ArticleStatus): MessageKey {
  if (FORWARD[from] === to) return `workflow.to.${to as 'submitted' | 'edited' | 'approved' | 'placed'}`;
  if (to === 'draft') return 'workflow.to.draft';
  return `workflow.return.${to as 'submitted' | 'edited' | 'approved'}`;
}

interface Props {
  article: Article;
  role: UserRole;
  /** Who is at the desk: reporters (and the copy desk, for copy it imported) send on only their own drafts. */
  name: string;
  busy: boolean;
  onMove: (move: WorkflowMove) => void;
}

export function WorkflowBar({ article, role, name, busy, onMove }: Props) {
  const t = useT();
  const [returning, setReturning] = useState<ArticleStatus | null>(null);
  const [note, setNote] = useState('');
  const [confirmSpike, setConfirmSpike] = useState(false);
  const moves = workflowButtons(article, role, name);

  if (article.status === 'spiked') {
    return (
      <div className="workflow">
        {maySpike(role, article.spikedFrom ?? 'draft') && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            data-testid="workflow-restore"
            onClick={() => onMove({ to: 'restored' })}
          >
            {t('workflow.restore')}
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="workflow">
      {moves.map((to) => {
        const forward = FORWARD[article.status] === to;
        return (
          <button
            key={to}
            type="button"
            className={`btn${forward ? ' btn-primary' : ''}`}
            disabled={busy}
            data-testid={`workflow-${to}`}
            onClick={() => (forward ? onMove({ to: to as Exclude<ArticleStatus, 'spiked'> }) : setReturning(to))}
          >
            {t(labelFor(article.status, to))}
          </button>
        );
      })}
      {maySpike(role, article.status) && (
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          data-testid="workflow-spike"
          onClick={() => setConfirmSpike(true)}
        >
          {t('workflow.spike')}
        </button>
      )}
      {confirmSpike && (
        <ConfirmDialog
          title={t('workflow.spikeConfirm')}
          confirmLabel={t('workflow.spike')}
          cancelLabel={t('workflow.cancel')}
          danger
          testId="spike-confirm"
          onCancel={() => setConfirmSpike(false)}
          onConfirm={() => {
            setConfirmSpike(false);
            onMove({ to: 'spiked' });
          }}
        />
      )}
      {returning && (
        <Dialog
          title={t(labelFor(article.status, returning))}
          onClose={() => setReturning(null)}
          testId="return-dialog"
        >
          <label className="meta-field">
            <span>{t('workflow.notePrompt')}</span>
            <textarea
              rows={4}
              value={note}
              maxLength={2000}
              data-testid="return-note"
              onChange={(e) => setNote(e.currentTarget.value)}
              autoFocus
            />
          </label>
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" className="btn" onClick={() => setReturning(null)}>
              {t('workflow.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="return-confirm"
              onClick={() => {
                onMove({ to: returning as Exclude<ArticleStatus, 'spiked'>, note: note.trim() || undefined });
                setReturning(null);
                setNote('');
              }}
            >
              {t('workflow.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
