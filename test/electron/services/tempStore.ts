/** A throwaway data folder with services opened on it, for service tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatch } from '../../../electron/ipc/registry';
import { localServices, openRuntime, type Runtime } from '../../../electron/runtime/openRuntime';
import type { Services } from '../../../electron/services/openServices';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';
import type { Settings } from '../../../shared/model/settings';
import { LOCK_FILE } from '../../../electron/services/storeLock';

export interface TempStore {
  dir: string;
  services: Services;
  dispatch: Dispatch;
  /** Typed calls through the same registry. */
  client: Runtime['client'];
  onEvent: Runtime['onEvent'];
  publishEndpoint: Runtime['publishEndpoint'];
  /** Closes this runtime cleanly (releasing the store's lock) and opens the folder again. */
  reopen(): Promise<TempStore>;
  /** Leaves the store as a killed process would: lock and session marker not released. */
  abandon(): Promise<void>;
  /** Closes this runtime cleanly, releasing the store's lock, and keeps the folder (for another process). */
  close(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'newsdesk-test-'));
}

export async function openTempStore(settings: Partial<Settings> = {}, existingDir?: string): Promise<TempStore> {
  const dir = existingDir ?? (await makeTempDir());
  const runtime = await openRuntime({
    dataDir: dir,
    settings: new SettingsService(memorySettingsBackend({ userName: '测试', ...settings })),
    version: 'test',
    sampleDir: join(import.meta.dirname, '..', '..', '..', 'assets', 'sample'),
  });
  const { dispatch } = runtime;
  const services = localServices(runtime);
  return {
    dir,
    services,
    dispatch,
    client: runtime.client,
    onEvent: runtime.onEvent,
    publishEndpoint: runtime.publishEndpoint,
    reopen: async () => {
      await runtime.close().catch(() => undefined);
      return openTempStore(settings, dir);
    },
    abandon: () => rm(join(dir, LOCK_FILE), { force: true }),
    close: () => runtime.close(),
    cleanup: async () => {
      await runtime.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
