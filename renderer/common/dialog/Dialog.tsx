/** The one dialog box every dialog uses: a labelled modal on the DialogBackdrop (focus kept inside, Escape closes). */
import { useId, type ReactNode } from 'react';
import { DialogBackdrop } from '../DialogBackdrop';

interface Props {
  /** The heading, also the dialog's accessible name. */
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** alertdialog for a question that needs an answer (a confirmation). */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  testId?: string;
  closeOnBackdropClick?: boolean;
  /** Something shown beside the heading (e.g. a revision picker). */
  headExtra?: ReactNode;
}

export function Dialog({
  title,
  onClose,
  children,
  role = 'dialog',
  className,
  testId,
  closeOnBackdropClick,
  headExtra,
}: Props) {
  const titleId = useId();
  return (
    <DialogBackdrop onClose={onClose} closeOnBackdropClick={closeOnBackdropClick}>
      <div
        className={`dialog${className ? ` ${className}` : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        {headExtra ? (
          <div className="dialog-head">
            <h2 id={titleId}>{title}</h2>
            {headExtra}
          </div>
        ) : (
          <h2 id={titleId}>{title}</h2>
        )}
        {children}
      </div>
    </DialogBackdrop>
  );
}
