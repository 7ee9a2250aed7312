/** A throwaway data folder with services opened on it, for service tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../electron/ipc/handlers';
import { createDispatch, type Dispatch } from '../../../electron/ipc/registry';
import { openServices, type Services } from '../../../electron/services/openServices';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';
import type { Settings } from '../../../shared/model/settings';

export interface TempStore {
  dir: string;
  services: Services;
  dispatch: Dispatch;
  reopen(): Promise<TempStore>;
  cleanup(): Promise<void>;
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'newsdesk-test-'));
}

export async function openTempStore(settings: Partial<Settings> = {}, existingDir?: string): Promise<TempStore> {
  const dir = existingDir ?? (await makeTempDir());
  const services = await openServices({
    dataDir: dir,
    settings: new SettingsService(memorySettingsBackend({ userName: '测试', ...settings })),
    version: 'test',
    sampleDir: join(import.meta.dirname, '..', '..', 'fixtures', 'copy'),
  });
  const dispatch = createDispatch(createHandlers(services));
  return {
    dir,
    services,
    dispatch,
    reopen: () => openTempStore(settings, dir),
    cleanup: async () => {
      await services.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
