/** Progress of importing many copy files: a bar, the file at hand, Cancel (stops after the current story), and the outcome. */
import { useT } from '../../i18n/i18n';
import { useImportMany } from './useImportMany';

export function ImportManyPanel({ files, onClose }: { files: File[]; onClose: () => void }) {
  const t = useT();
  const { state, cancel } = useImportMany(files);
  const running = state.phase === 'reading' || state.phase === 'importing';
  return (
    <div className="import-many" data-testid="import-many">
      <progress
        className="import-many-bar"
        max={state.total}
        value={state.done}
        data-testid="import-many-bar"
        aria-label={t('copy.many.progress', { done: state.done, total: state.total })}
      />
      <div className="import-many-status" data-testid="import-many-status">
        {state.phase === 'reading' && t('copy.many.reading', { total: state.total })}
        {state.phase === 'importing' &&
          t('copy.many.progress', { done: state.done, total: state.total }) +
            (state.current ? ` · ${state.current}` : '')}
        {state.phase === 'done' &&
          state.result &&
          (state.result.cancelled
            ? t('copy.many.cancelled', { done: state.result.ids.length, total: state.total })
            : t('copy.many.done', { done: state.result.ids.length }))}
        {state.phase === 'failed' && state.error}
      </div>
      {state.result?.cleaned && (
        <ul className="import-many-cleaned" data-testid="import-many-cleaned">
          {state.result.cleaned.map((c) => (
            <li key={c.name}>
              {t('copy.many.cleaned', { name: c.name, count: c.removed, codes: c.codePoints.join(' ') })}
            </li>
          ))}
        </ul>
      )}
      {state.result && state.result.failed.length > 0 && (
        <ul className="import-many-failed" data-testid="import-many-failed">
          {state.result.failed.map((f) => (
            <li key={f.name}>
              {f.name}：{f.message}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        {running ? (
          <button
            type="button"
            className="btn"
            onClick={cancel}
            disabled={state.cancelling}
            data-testid="import-many-cancel"
          >
            {state.cancelling ? t('copy.many.cancelling') : t('copy.import.cancel')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={onClose} data-testid="import-many-close">
            {t('settings.close')}
          </button>
        )}
      </div>
    </div>
  );
}
