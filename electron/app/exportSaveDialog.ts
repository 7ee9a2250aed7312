/** The desktop app's save dialog for an export: the user, not the renderer, names the zip's path. */
import { BrowserWindow, dialog } from 'electron';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function chooseExportTarget(suggested: string): Promise<string | null> {
  // The suggested folder (the store's exports/) may not exist yet; the dialog opens in it.
  await mkdir(dirname(suggested), { recursive: true, mode: 0o700 }).catch(() => undefined);
  const options = { defaultPath: suggested, filters: [{ name: 'ZIP', extensions: ['zip'] }] };
  const owner = BrowserWindow.getFocusedWindow();
  const { canceled, filePath } = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  return canceled || !filePath ? null : filePath;
}
