/**
 * Settings behind a small key-value interface, so the Electron app backs it with
 * electron-store and the CLI and browser host with conf (the same engine and file format).
 */
import { NewsdeskError } from '../../shared/ipc/errors';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type HubIdentity,
  type Settings,
  type SettingsPatch,
} from '../../shared/model/settings';

export interface SettingsBackend {
  readAll(): Record<string, unknown>;
  write(values: Settings): void;
}

export class SettingsService {
  constructor(private readonly backend: SettingsBackend) {}

  /** Stored values over defaults; a damaged value falls back to its default rather than failing start-up. */
  get(): Settings {
    const stored = this.backend.readAll();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in stored)) continue;
      const field = SettingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) merged[key] = field.data;
    }
    return SettingsSchema.parse(merged);
  }

  update(patch: SettingsPatch): Settings {
    return this.write({ ...this.get(), ...patch });
  }

  /** Remembers who the hub said this user is, for work while the hub is out of reach. */
  rememberHubIdentity(identity: HubIdentity): Settings {
    return this.write({ ...this.get(), hubIdentity: identity });
  }

  private write(values: Settings): Settings {
    const next = SettingsSchema.safeParse(values);
    if (!next.success) throw new NewsdeskError('validation', next.error.issues[0]?.message ?? '设置无效');
    try {
      this.backend.write(next.data);
    } catch (e) {
      throw new NewsdeskError('io', `设置未能保存：${(e as Error).message}`);
    }
    return next.data;
  }
}

/** In-memory backend for tests and one-shot CLI runs against a throwaway store. */
export function memorySettingsBackend(initial: Record<string, unknown> = {}): SettingsBackend {
  let values = { ...initial };
  return {
    readAll: () => values,
    write: (v) => {
      values = { ...v };
    },
  };
}
