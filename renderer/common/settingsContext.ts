/** The user's settings (name, role, language, paper) shared with every screen. */
import { createContext, useContext } from 'react';
import type { Result } from '../../shared/ipc/errors';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../shared/model/settings';

export interface SettingsValue {
  settings: Settings;
  update(patch: SettingsPatch): Promise<Result<Settings>>;
}

export const SettingsContext = createContext<SettingsValue>({
  settings: DEFAULT_SETTINGS,
  update: async () => ({ ok: false, error: { code: 'internal', message: 'no settings provider' } }),
});

export function useSettings(): SettingsValue {
  return useContext(SettingsContext);
}
