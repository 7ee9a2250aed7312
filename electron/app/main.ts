/** The Electron main process: opens the store, binds the contract, and shows the window. Thin by design. */
import { app, BrowserWindow, Menu } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNEL } from '../../shared/ipc/electronChannels';
import { resolveDataDir } from '../services/dataDir';
import { openRuntime } from '../runtime/openRuntime';
import { desktopDispatch } from '../ipc/rendererCallPolicy';
import { chooseExportTarget } from './exportSaveDialog';
import { bindRevealExport } from './revealExport';
import { SettingsService } from '../services/settingsService';
import { handleProtocols, registerSchemes, rendererDirFrom, rendererIndexUrl } from './appProtocol';
import { bindIpc } from './bindIpc';
import { electronProofPrinter } from './electronProofPrinter';
import { electronSettingsBackend } from './electronSettings';
import { hardenContents } from './security';
import { publishEndpoint } from './ownerEndpoint';
import { openMainWindow } from './mainWindow';
import { safeStorageSecret } from './safeStorageSecret';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = join(here, '..');

registerSchemes();
app.enableSandbox();

async function start(): Promise<void> {
  await app.whenReady();
  hardenContents();
  const settings = new SettingsService(electronSettingsBackend());
  const dataDir = resolveDataDir({
    override: process.env.NEWSDESK_STORE ?? null,
    fromSettings: settings.get().dataDir,
    userDataDir: app.getPath('userData'),
  });
  const runtime = await openRuntime({
    dataDir,
    settings,
    version: app.getVersion(),
    sampleDir: app.isPackaged ? join(process.resourcesPath, 'sample') : join(appRoot, 'assets', 'sample'),
    proofPrinter: electronProofPrinter,
    hubSecret: safeStorageSecret(),
  });
  // The window is a renderer like the browser page: its calls never name a path; an export goes
  // where the user picks in a save dialog shown here in main.
  bindIpc(desktopDispatch(runtime.dispatch, runtime.dataDir, bindRevealExport(chooseExportTarget)));
  handleProtocols(rendererDirFrom(appRoot), runtime.readAsset);
  const endpoint = await publishEndpoint(runtime);
  runtime.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(EVENT_CHANNEL, event);
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: process.platform === 'darwin' ? 'appMenu' : 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
  openWindow(settings);
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    // Close the store first so the next start can trust its index.
    event.preventDefault();
    closed = true;
    void Promise.resolve(endpoint?.close())
      .then(() => runtime.close())
      .finally(() => app.quit());
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(settings);
  });
}

function openWindow(settings: SettingsService): BrowserWindow {
  return openMainWindow(settings, join(here, 'preload.cjs'), rendererIndexUrl);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((e: unknown) => {
  console.error('[newsdesk] failed to start:', e);
  app.exit(1);
});
