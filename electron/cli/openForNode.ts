/** Opens the services in plain Node (CLI and browser host): settings through conf, store on disk. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confSettingsBackend, defaultUserDataDir } from '../services/confSettings';
import { resolveDataDir } from '../services/dataDir';
import { openRuntime, type Runtime } from '../runtime/openRuntime';
import { SettingsService } from '../services/settingsService';

/** The nearest folder above `from` with a package.json: the same answer from the sources and the bundle. */
function packageRootAbove(from: string): string {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The package root (where package.json, dist/ and assets/sample/ are). */
export const PACKAGE_ROOT = packageRootAbove(import.meta.url);

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function openForNode(storeOverride: string | null, opts: { startSync?: boolean } = {}): Promise<Runtime> {
  const userDataDir = process.env.NEWSDESK_CONFIG_DIR ?? defaultUserDataDir();
  const settings = new SettingsService(confSettingsBackend(userDataDir));
  const dataDir = resolveDataDir({
    override: storeOverride ?? process.env.NEWSDESK_STORE ?? null,
    fromSettings: settings.get().dataDir,
    userDataDir,
  });
  return openRuntime({
    dataDir,
    settings,
    version: packageVersion(),
    sampleDir: join(PACKAGE_ROOT, 'assets', 'sample'),
    startSync: opts.startSync,
  });
}
