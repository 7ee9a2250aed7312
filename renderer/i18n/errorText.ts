/** A contract error in words a reporter understands: the code's phrase, then the service's detail. */
import type { IpcError } from '../../shared/ipc/errors';
import type { Translate } from './i18n';

export function errorText(t: Translate, error: Pick<IpcError, 'code' | 'message'>): string {
  return `${t(`error.${error.code}`)}：${error.message}`;
}
