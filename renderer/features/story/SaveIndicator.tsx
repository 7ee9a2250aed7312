/** 已保存 / 保存中 / 冲突 / 出错: where the story's text stands with the store. */
import { useT } from '../../i18n/i18n';
import { saveErrorText } from './saveErrorText';
import type { Autosave } from './useAutosave';

export function SaveIndicator({ autosave }: { autosave: Autosave }) {
  const t = useT();
  const { state, error } = autosave;
  const label = {
    saved: t('save.saved'),
    dirty: t('save.dirty'),
    saving: t('save.saving'),
    conflict: t('save.conflict'),
    error: t('save.error'),
  }[state];
  return (
    <span
      className="save-indicator"
      data-testid="save-status"
      data-state={state}
      title={state === 'error' && error ? t('save.errorDetail', { message: saveErrorText(t, error) }) : undefined}
    >
      <span className={`dot dot-${state}`} aria-hidden="true" />
      {label}
      {state === 'error' && (
        <button type="button" className="btn btn-small btn-quiet" onClick={() => void autosave.flush()}>
          {t('save.retry')}
        </button>
      )}
    </span>
  );
}
