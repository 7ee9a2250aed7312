/**
 * Several desks in one e2e test: each its own store, host and hub account (its own password, not the
 * process environment), all in one Chromium with a browser context per desk, so four desks cost one browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startHost } from '../../../electron/host/server';
import { localServices, openRuntime } from '../../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';
import { envHubSecret } from '../../../electron/services/sync/hubSecret';
import type { NewsdeskClient } from '../../../shared/ipc/client';
import type { Settings } from '../../../shared/model/settings';
import type { E2eApp } from '../harness';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

export interface NewsroomDesk extends E2eApp {
  /** The desk's typed calls, as its renderer makes them (setup steps a person would not type). */
  client: NewsdeskClient;
}

/**
 * A desk whose hub password is its own (as a desk's saved password is; null: none yet, typed in
 * settings later), sharing `browser` with the others.
 */
export async function startNewsroomDesk(
  browser: Browser,
  settings: Partial<Settings>,
  hubPassword: string | null,
): Promise<NewsroomDesk> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does it first)');
  }
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-desk-'));
  const runtime = await openRuntime({
    dataDir: dir,
    settings: new SettingsService(memorySettingsBackend(settings)),
    version: 'test',
    sampleDir: join(ROOT, 'assets', 'sample'),
    hubSecret: envHubSecret(hubPassword === null ? {} : { NEWSDESK_HUB_PASSWORD: hubPassword }),
  });
  const services = localServices(runtime);
  const host = await startHost({
    dispatch: runtime.dispatch,
    dataDir: dir,
    rendererDir: RENDERER_DIR,
    readAsset: (a) => services.assets.read(a),
  });
  runtime.onEvent((event) => host.broadcast(event));
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error ${settings.hubUser ?? ''}]`, e.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(host.url);
  return {
    page,
    browser,
    host,
    services,
    client: runtime.client,
    dataDir: dir,
    cdp,
    async reopen() {
      await page.goto(`http://127.0.0.1:${host.port}/`);
    },
    async close() {
      await context.close();
      await host.close();
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
