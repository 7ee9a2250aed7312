/** Over the story: why a workflow move failed, and the question before passing on copy with suggestions in it. */
import type { Article } from '../../../shared/model/article';
import { useT } from '../../i18n/i18n';
import type { WorkflowMoves } from './useWorkflowMove';
import { labelFor, type WorkflowMove } from './WorkflowBar';

export function WorkflowBanners({
  workflow,
  status,
  onReview,
}: {
  workflow: WorkflowMoves;
  status: Article['status'];
  /** "Review first": the review panel opens. */
  onReview: () => void;
}) {
  const t = useT();
  const confirm = workflow.confirm;
  return (
    <>
      {workflow.error && (
        <div className="banner banner-error" role="alert" data-testid="workflow-error">
          <span className="workflow-error-text">
            {workflow.error}
            {workflow.errorItems.length > 0 && (
              <ul className="workflow-missing" data-testid="workflow-missing">
                {workflow.errorItems.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </span>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => workflow.setError(null)}>
            ×
          </button>
        </div>
      )}
      {confirm && (
        <div className="banner review-confirm" role="alertdialog" data-testid="confirm-pending">
          {t('review.confirmMove', {
            n: confirm.pending,
            action: t(labelFor(status, confirm.move.to as Exclude<WorkflowMove['to'], 'restored'>)),
          })}
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => void workflow.move(confirm.move, true)}
            data-testid="confirm-pending-yes"
          >
            {t('review.confirmYes')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              workflow.setConfirm(null);
              onReview();
            }}
            data-testid="confirm-pending-no"
          >
            {t('review.confirmNo')}
          </button>
        </div>
      )}
    </>
  );
}
