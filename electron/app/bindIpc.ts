/** Binds every contract channel to ipcMain.handle, refusing calls from any frame but our own. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { ipcChannelName } from '../../shared/ipc/electronChannels';
import type { Result } from '../../shared/ipc/errors';
import type { Dispatch } from '../ipc/registry';
import { APP_ORIGIN } from './appProtocol';

/** Only the top frame of our own renderer may call; a navigated or embedded frame may not. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function bindIpc(dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: '调用来源不受信任。' } };
      }
      return dispatch(channel, payload);
    });
  }
}
