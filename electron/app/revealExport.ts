/**
 * "Open folder" after an export: main opens the folder of the zip the user last chose in the save dialog.
 * The renderer names no path (it cannot ask to open any other folder); only our own top frame may ask.
 */
import { ipcMain, shell } from 'electron';
import { dirname } from 'node:path';
import { REVEAL_EXPORT_CHANNEL } from '../../shared/ipc/electronChannels';
import { isTrustedSender } from '../ipc/senderPolicy';
import type { ChooseExportTarget } from '../ipc/rendererCallPolicy';

/** Wraps the save dialog so the folder it chose can be opened later, and binds the one call that opens it. */
export function bindRevealExport(choose: ChooseExportTarget): ChooseExportTarget {
  let chosen: string | null = null;
  ipcMain.handle(REVEAL_EXPORT_CHANNEL, async (event): Promise<boolean> => {
    const frame = event.senderFrame;
    if (!chosen || !isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null)) return false;
    // openPath answers with an error string, empty when the folder opened.
    return (await shell.openPath(dirname(chosen))) === '';
  });
  return async (suggested) => {
    const target = await choose(suggested);
    if (target) chosen = target;
    return target;
  };
}
