/** Why the last save failed, in words: a save that never got an answer, or the refusal's code. */
import { errorText } from '../../i18n/errorText';
import type { Translate } from '../../i18n/i18n';
import type { IpcError } from '../../../shared/ipc/errors';
import { NO_ANSWER } from './useAutosave';

/** A refusal from a store opened read-only (owner unreachable, disk full): retrying cannot help until reopened. */
export function isReadOnlyRefusal(error: IpcError): boolean {
  return error.code === 'read_only' || error.code === 'disk_full';
}

export function saveErrorText(t: Translate, error: IpcError): string {
  return error === NO_ANSWER ? t('save.noAnswer') : errorText(t, error);
}
