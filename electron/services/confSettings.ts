/** Settings on disk through conf, electron-store's engine: the same file the desktop app reads. */
import Conf from 'conf';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/model/settings';
import type { SettingsBackend } from './settingsService';

/** Electron's userData folder for an app named Newsdesk, computed the way Electron does. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Newsdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Newsdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Newsdesk');
}

export function confSettingsBackend(cwd: string): SettingsBackend {
  // electron-store's defaults: file `config.json` in userData.
  const conf = new Conf<Record<string, unknown>>({ cwd, configName: 'config', projectName: 'newsdesk' });
  return {
    readAll: () => conf.store,
    write: (values: Settings) => {
      conf.store = { ...conf.store, ...values };
    },
  };
}
