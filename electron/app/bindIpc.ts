/** Binds every contract channel to ipcMain.handle, refusing calls from any frame but our own. */
import { ipcMain } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { ipcChannelName } from '../../shared/ipc/electronChannels';
import type { Result } from '../../shared/ipc/errors';
import type { Dispatch } from '../ipc/registry';
import { isTrustedSender } from '../ipc/senderPolicy';

export function bindIpc(dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), async (event, payload: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null)) {
        return { ok: false, error: { code: 'forbidden', message: '调用来源不受信任。' } };
      }
      return dispatch(channel, payload);
    });
  }
}
