/** Opens the services in plain Node (CLI and browser host): settings through conf, store on disk. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../ipc/handlers';
import { createDispatch, type Dispatch } from '../ipc/registry';
import { confSettingsBackend, defaultUserDataDir } from '../services/confSettings';
import { resolveDataDir } from '../services/dataDir';
import { openServices, type Services } from '../services/openServices';
import { SettingsService } from '../services/settingsService';

/** The package root (where package.json, dist/ and test/fixtures/ are). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export interface NodeRuntime {
  services: Services;
  dispatch: Dispatch;
}

export async function openForNode(storeOverride: string | null): Promise<NodeRuntime> {
  const userDataDir = process.env.NEWSDESK_CONFIG_DIR ?? defaultUserDataDir();
  const settings = new SettingsService(confSettingsBackend(userDataDir));
  const dataDir = resolveDataDir({
    override: storeOverride ?? process.env.NEWSDESK_STORE ?? null,
    fromSettings: settings.get().dataDir,
    userDataDir,
  });
  const services = await openServices({
    dataDir,
    settings,
    version: packageVersion(),
    sampleDir: join(PACKAGE_ROOT, 'test', 'fixtures', 'copy'),
  });
  const dispatch = createDispatch(createHandlers(services), {
    onInternalError: (channel, e) => console.error(`[newsdesk] ${channel}:`, e),
  });
  return { services, dispatch };
}
