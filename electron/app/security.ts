/** Electron's security checklist, applied to every web contents the app creates. */
import { app, session, shell } from 'electron';
import { isAppUrl } from '../ipc/senderPolicy';

export function hardenContents(): void {
  // No permission (camera, notifications, geolocation…) is ever needed by the editor.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links a reporter pastes open in the system browser, never inside the app.
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
