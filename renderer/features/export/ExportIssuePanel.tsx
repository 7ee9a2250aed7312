/** 导出本期…: the flatplan toolbar's export button; the export itself runs in a dialog (ExportDialog). */
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ExportDialog } from './ExportDialog';
import { useIssueExport } from './useIssueExport';

export function ExportIssuePanel({ date }: { date: string | null }) {
  const t = useT();
  const exporter = useIssueExport(date);
  // 修订版: DOCX only, pending suggestions carried as Word tracked changes instead of refusing the export.
  const [tracked, setTracked] = useState(false);
  const [open, setOpen] = useState(false);
  const running = exporter.state.stage === 'running';
  return (
    <span className="export-issue" data-testid="export-issue">
      <button
        type="button"
        className="btn btn-primary"
        disabled={!date || running}
        onClick={() => {
          setOpen(true);
          void exporter.start(false, tracked);
        }}
        data-testid="export-start"
      >
        {t(tracked ? 'export.buttonTracked' : 'export.button')}
      </button>
      <label className="check" title={t('export.docxTrackedNote')}>
        <input
          type="checkbox"
          checked={tracked}
          disabled={running}
          onChange={(e) => {
            setTracked(e.currentTarget.checked);
            exporter.reset();
          }}
          data-testid="export-docx-tracked"
        />
        {t('export.docxTracked')}
      </label>
      {tracked && !open && (
        <span className="muted export-note" data-testid="export-tracked-note">
          {t('export.docxTrackedNote')}
        </span>
      )}
      {open && date && (
        <ExportDialog
          date={date}
          tracked={tracked}
          state={exporter.state}
          onForce={() => void exporter.start(true, tracked)}
          onRetry={() => void exporter.start(exporter.lastForce, tracked)}
          onClose={() => {
            setOpen(false);
            if (!running) exporter.reset();
          }}
        />
      )}
    </span>
  );
}
