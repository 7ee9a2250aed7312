/** Settings in the desktop app: electron-store, which keeps them in userData/config.json. */
import Store from 'electron-store';
import type { Settings } from '../../shared/model/settings';
import type { SettingsBackend } from '../services/settingsService';

export function electronSettingsBackend(): SettingsBackend {
  const store = new Store<Record<string, unknown>>({ name: 'config' });
  return {
    readAll: () => store.store,
    write: (values: Settings) => {
      store.store = { ...store.store, ...values };
    },
  };
}
