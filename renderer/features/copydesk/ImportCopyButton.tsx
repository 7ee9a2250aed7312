/** The desk's Import copy button and the dialog it opens, so the desk mounts one component. */
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ImportCopyDialog } from './ImportCopyDialog';

export function ImportCopyButton({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="import-copy">
        {t('copy.import.button')}
      </button>
      {open && (
        <ImportCopyDialog
          onClose={() => setOpen(false)}
          onImported={(id) => {
            setOpen(false);
            onOpen(id);
          }}
        />
      )}
    </>
  );
}
