/** 导出本期…: exports the issue package from the flatplan, with a progress bar and the gate's problems. */
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';
import { useState } from 'react';
import { useIssueExport } from './useIssueExport';

export function ExportIssuePanel({ date }: { date: string | null }) {
  const t = useT();
  const { state, start, reset } = useIssueExport(date);
  // 修订版: DOCX only, pending suggestions carried as Word tracked changes instead of refusing the export.
  const [tracked, setTracked] = useState(false);
  const running = state.stage === 'running';
  const progress = running ? state.progress : null;
  return (
    <span className="export-issue" data-testid="export-issue">
      <button
        type="button"
        className="btn btn-primary"
        disabled={!date || running}
        onClick={() => void start(false, tracked)}
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
            reset();
          }}
          data-testid="export-docx-tracked"
        />
        {t('export.docxTracked')}
      </label>
      {tracked && state.stage === 'idle' && (
        <span className="muted export-note" data-testid="export-tracked-note">
          {t('export.docxTrackedNote')}
        </span>
      )}
      {running && (
        <span className="export-status" data-testid="export-progress">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          <span className="muted">
            {progress
              ? t(`export.phase.${progress.phase}`, { done: progress.done, total: progress.total })
              : t('export.starting')}
          </span>
        </span>
      )}
      {state.stage === 'done' && (
        <span className="export-status" data-testid="export-done">
          {t(state.result.draft ? 'export.doneDraft' : tracked ? 'export.doneTracked' : 'export.done', {
            path: state.result.path,
            files: state.result.files,
          })}
          <button type="button" className="btn btn-quiet btn-small" onClick={reset}>
            ×
          </button>
        </span>
      )}
      {state.stage === 'failed' && (
        <span className="export-status export-error" data-testid="export-failed">
          {errorText(t, state.error)}
        </span>
      )}
      {state.stage === 'refused' && (
        <div className="export-refused banner banner-warn" data-testid="export-refused">
          <strong>{t('export.refused', { n: state.problems.length })}</strong>
          <ul>
            {state.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-danger btn-small"
            onClick={() => void start(true, tracked)}
            data-testid="export-force"
          >
            {t('export.force')}
          </button>
          <button type="button" className="btn btn-quiet btn-small" onClick={reset}>
            {t('export.cancel')}
          </button>
        </div>
      )}
    </span>
  );
}
