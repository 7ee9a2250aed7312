/** The dimmed layer under a dialog: keys stay inside (the desk below moves its selection on arrows), Escape closes. */
import type { ReactNode } from 'react';

export function DialogBackdrop({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onClose();
      }}
    >
      {children}
    </div>
  );
}
