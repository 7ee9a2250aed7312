/** The editor window: every webPreferences item of Electron's security checklist is set here, inline. */
import { BrowserWindow } from 'electron';
import type { SettingsService } from '../services/settingsService';

export function openMainWindow(settings: SettingsService, preload: string, url: string): BrowserWindow {
  const state = settings.get().windowState;
  // Kept as one literal in the constructor call so Electronegativity can read and check it.
  const win = new BrowserWindow({
    width: state?.width ?? 1280,
    height: state?.height ?? 860,
    x: state?.x,
    y: state?.y,
    title: 'Newsdesk',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window, around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (state?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const b = win.getBounds();
    settings.update({
      windowState: { width: b.width, height: b.height, x: b.x, y: b.y, maximized: win.isMaximized() },
    });
  });
  void win.loadURL(url);
  return win;
}
