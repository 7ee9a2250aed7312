/** Electron's security checklist, applied to every web contents the app creates. */
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { externalLinkPolicy, externalLinkPrompt } from '../ipc/externalLinkPolicy';
import { isAppUrl } from '../ipc/senderPolicy';

/** Opens an http(s) link the user clicked in the system browser, after a confirmation naming its host. */
export async function openExternalAfterConfirm(contents: WebContents, url: string): Promise<boolean> {
  const verdict = externalLinkPolicy(url);
  if (!verdict.allowed) return false;
  const prompt = externalLinkPrompt(verdict.host);
  const owner = BrowserWindow.fromWebContents(contents);
  const options = { type: 'question' as const, ...prompt, defaultId: 0, cancelId: 0, noLink: true };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response !== 1) return false;
  await shell.openExternal(verdict.url);
  return true;
}

export function hardenContents(): void {
  // No permission (camera, notifications, geolocation…) is ever needed by the editor.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      // A link the user clicked in the page: offered to the system browser, never loaded here.
      void openExternalAfterConfirm(contents, url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links (target=_blank) open in the system browser after confirmation, never inside the app.
      void openExternalAfterConfirm(contents, url);
      return { action: 'deny' };
    });
  });
}
