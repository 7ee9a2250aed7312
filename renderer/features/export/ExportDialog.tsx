/**
 * The export of one issue, in a dialog: progress while it runs, then the gate's problems (with "export as
 * DRAFT"), or the package with its warnings and where it went ("open folder"), or what failed and what to do.
 */
import { useState } from 'react';
import { transport } from '../../api/transport';
import { DialogBackdrop } from '../../common/DialogBackdrop';
import { exportFailureText, exportWarningText, gateProblemText } from '../../i18n/exportText';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../i18n/dateWords';
import { useSettings } from '../../common/settingsContext';
import type { ExportState } from './useIssueExport';

interface Props {
  date: string;
  tracked: boolean;
  state: ExportState;
  onForce: () => void;
  onRetry: () => void;
  onClose: () => void;
}

export function ExportDialog({ date, tracked, state, onForce, onRetry, onClose }: Props) {
  const t = useT();
  const language = useSettings().settings.language;
  return (
    <DialogBackdrop onClose={onClose}>
      <div
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-dialog-title"
        data-testid="export-dialog"
      >
        <h2 id="export-dialog-title">{t('export.title', { date: formatDate(date, language) })}</h2>
        <ExportBody tracked={tracked} state={state} />
        <div className="dialog-actions">
          {state.stage === 'refused' && (
            <button type="button" className="btn btn-danger" onClick={onForce} data-testid="export-force">
              {t('export.force')}
            </button>
          )}
          <span className="spacer" />
          {state.stage === 'failed' && (
            <button type="button" className="btn btn-primary" onClick={onRetry} data-testid="export-retry">
              {t('export.retry')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose} data-testid="export-close" autoFocus>
            {t('export.close')}
          </button>
        </div>
      </div>
    </DialogBackdrop>
  );
}

function ExportBody({ tracked, state }: Pick<Props, 'tracked' | 'state'>) {
  const t = useT();
  switch (state.stage) {
    case 'idle':
    case 'running': {
      const progress = state.stage === 'running' ? state.progress : null;
      return (
        <div className="export-progress" data-testid="export-progress" aria-live="polite">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          <span className="muted">
            {progress
              ? t(`export.phase.${progress.phase}`, { done: progress.done, total: progress.total })
              : t('export.starting')}
          </span>
        </div>
      );
    }
    case 'refused':
      return (
        <div className="export-refused" data-testid="export-refused" role="alert">
          <strong>{t('export.refused', { n: state.problems.length })}</strong>
          <ul className="export-list" data-testid="export-problems">
            {state.problems.map((p, i) => (
              <li key={i}>{gateProblemText(t, p)}</li>
            ))}
          </ul>
        </div>
      );
    case 'failed': {
      const words = exportFailureText(t, state.error);
      return (
        <div className="export-failed" data-testid="export-failed" role="alert">
          <p className="export-failed-what">{words.what}</p>
          <p data-testid="export-failed-fix">{words.fix}</p>
          <details>
            <summary>{t('export.technical')}</summary>
            <code className="export-technical">
              {state.error.code}: {state.error.message}
            </code>
          </details>
        </div>
      );
    }
    case 'done': {
      const r = state.result;
      return (
        <div className="export-done" data-testid="export-done">
          <p>
            {t(r.draft ? 'export.doneFilesDraft' : tracked ? 'export.doneFilesTracked' : 'export.doneFiles', {
              files: r.files,
            })}
          </p>
          <SavedAt path={r.path} />
          {r.draft && r.problems.length > 0 && (
            <section>
              <h3>{t('export.problems', { n: r.problems.length })}</h3>
              <ul className="export-list" data-testid="export-problems">
                {r.problems.map((p, i) => (
                  <li key={i}>{gateProblemText(t, p)}</li>
                ))}
              </ul>
            </section>
          )}
          <section data-testid="export-warnings">
            <h3>{t('export.warnings', { n: r.warningList.length })}</h3>
            {r.warningList.length === 0 ? (
              <p className="muted">{t('export.noWarnings')}</p>
            ) : (
              <>
                <p className="muted">{t('export.warningsNote')}</p>
                <ul className="export-list export-warning-list">
                  {r.warningList.map((w, i) => (
                    <li key={i} data-testid="export-warning">
                      {exportWarningText(t, w)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      );
    }
  }
}

/** Where the zip went: the desktop app opens its folder; the browser page shows the path to copy. */
function SavedAt({ path }: { path: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const [opened, setOpened] = useState<boolean | null>(null);
  const reveal = transport.revealExport;
  return (
    <div className="export-saved-at">
      <span className="muted">{t('export.savedAt')}</span>
      <code data-testid="export-path">{path}</code>
      {reveal ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void reveal().then(setOpened)}
          data-testid="export-open-folder"
        >
          {t('export.openFolder')}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            void navigator.clipboard.writeText(path).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
          data-testid="export-copy-path"
        >
          {copied ? t('export.pathCopied') : t('export.copyPath')}
        </button>
      )}
      {opened === false && <span className="muted">{path}</span>}
    </div>
  );
}
