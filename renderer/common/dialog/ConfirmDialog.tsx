/** A yes/no question in the app's own dialog, in place of the browser's confirm(): labelled, trapped, Escape says no. */
import { Dialog } from './Dialog';

interface Props {
  title: string;
  message?: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A destructive answer (撤稿) is shown in red. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
  onCancel,
  testId,
}: Props) {
  return (
    <Dialog title={title} onClose={onCancel} role="alertdialog" testId={testId ?? 'confirm-dialog'}>
      {message && <p>{message}</p>}
      <div className="dialog-actions">
        <span className="spacer" />
        {/* Cancel first and focused first: Enter on an unread question must not destroy anything. */}
        <button type="button" className="btn" onClick={onCancel} data-testid="confirm-cancel" autoFocus>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
          onClick={onConfirm}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
