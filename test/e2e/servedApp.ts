/**
 * Starts the browser host the way `npm run web` does (`node bin/newsdesk.js serve`, the installed bundle
 * the global set-up built) on a prepared store, and opens its URL in Chromium. Unlike harness.ts, nothing
 * of the host runs in the test's process: what the test drives is what a user starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Settings } from '../../shared/model/settings';
import { launchChromium } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServedApp {
  page: Page;
  browser: Browser;
  url: string;
  /** Everything the host wrote to stderr so far (its errors, if a step fails). */
  stderr(): string;
  close(): Promise<void>;
}

function waitForUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`newsdesk serve exited (${code}): ${stderr()}`)));
  });
}

/** `dataDir` must not be open in this process (the served host takes its lock). */
export async function startServedApp(
  dataDir: string,
  configDir: string,
  settings: Partial<Settings>,
): Promise<ServedApp> {
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html')))
    throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does it first)');
  await mkdir(configDir, { recursive: true });
  await writeFile(join(configDir, 'config.json'), JSON.stringify(settings));
  let err = '';
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsdesk.js'), 'serve'], {
    env: { ...process.env, NEWSDESK_STORE: dataDir, NEWSDESK_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let url: string;
  try {
    url = await waitForUrl(child, () => err);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(url);
  return {
    page,
    browser,
    url,
    stderr: () => err,
    async close() {
      await browser.close();
      // SIGTERM: the host closes and releases the store's lock, as Ctrl+C does.
      child.kill('SIGTERM');
      await exited;
    },
  };
}
