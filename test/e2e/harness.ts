/**
 * Starts the real stack for an end-to-end test: a throwaway data folder, the handler
 * registry behind the loopback host, the built renderer, and Chromium (findChromium) via playwright-core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { findChromium } from '../../electron/services/chromium/findChromium';
import { startHost, type RunningHost } from '../../electron/host/server';
import { localServices, openRuntime } from '../../electron/runtime/openRuntime';
import type { Services } from '../../electron/services/openServices';
import { memorySettingsBackend, SettingsService } from '../../electron/services/settingsService';
import type { Settings } from '../../shared/model/settings';
import type { HubSecret } from '../../electron/services/sync/hubSecret';

const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

export interface E2eApp {
  page: Page;
  browser: Browser;
  host: RunningHost;
  services: Services;
  dataDir: string;
  cdp: CDPSession;
  /** Opens the app's URL again (as a reload from a fresh tab would) and waits for the desk. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, args, env } = await findChromium();
  return chromium.launch({ executablePath, args, headless: true, env: { ...process.env, ...env } });
}

export async function startE2eApp(
  settings: Partial<Settings> = {},
  dataDir?: string,
  opts: {
    hubSecret?: HubSecret;
    /** Holds a call this many ms before the host handles it (a slow disk or a busy desk); the call itself is real. */
    delayCall?: (channel: string) => number;
  } = {},
): Promise<E2eApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does it first)');
  }
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'newsdesk-e2e-')));
  const runtime = await openRuntime({
    dataDir: dir,
    settings: new SettingsService(memorySettingsBackend({ userName: '测试记者', ...settings })),
    version: 'test',
    sampleDir: join(import.meta.dirname, '..', '..', 'assets', 'sample'),
    hubSecret: opts.hubSecret,
  });
  const services = localServices(runtime);
  const delayCall = opts.delayCall;
  const dispatch: typeof runtime.dispatch = delayCall
    ? async (channel, payload) => {
        const ms = delayCall(channel);
        if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
        return runtime.dispatch(channel, payload);
      }
    : runtime.dispatch;
  const host = await startHost({
    dispatch,
    dataDir: dir,
    rendererDir: RENDERER_DIR,
    readAsset: (a) => services.assets.read(a),
  });
  runtime.onEvent((event) => host.broadcast(event));
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(host.url);
  return {
    page,
    browser,
    host,
    services,
    dataDir: dir,
    cdp,
    async reopen() {
      await page.goto(`http://127.0.0.1:${host.port}/`);
    },
    async close() {
      await browser.close();
      await host.close();
      await runtime.close();
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Types Chinese the way an IME does: pinyin composition first, then the committed text. */
export async function imeType(cdp: CDPSession, pinyin: string, committed: string): Promise<void> {
  for (let i = 1; i <= pinyin.length; i++) {
    await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
  }
  await cdp.send('Input.insertText', { text: committed });
}
