/**
 * A lost host (issue 22, finding 8): when the browser host stops, the page says 连接中断 with a retry instead of
 * "读写出错 / 共 0 篇", and once a host answers again on the same address a retry brings the desk back.
 * Stand-in: the restarted host is given the old page token (startHost's pageToken), as the page still holds it;
 * `newsdesk serve` mints a new one on each start, in which case the retry says to open the new address.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { localServices, openRuntime, type Runtime } from '../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../electron/services/settingsService';
import { launchChromium } from './harness';
import { gotoDesk } from './helpers/story';

const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

describe('a lost host', () => {
  let dir: string;
  let runtime: Runtime;
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const start = (port?: number, pageToken?: string) =>
    startHost({
      dispatch: runtime.dispatch,
      dataDir: dir,
      rendererDir: RENDERER_DIR,
      readAsset: (a) => localServices(runtime).assets.read(a),
      ...(port ? { port } : {}),
      ...(pageToken ? { pageToken } : {}),
    }).then((h) => {
      runtime.onEvent((event) => h.broadcast(event));
      return h;
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-lost-'));
    runtime = await openRuntime({
      dataDir: dir,
      settings: new SettingsService(memorySettingsBackend({ userName: '李想', role: 'reporter' })),
      version: 'test',
    });
    await localServices(runtime).articles.create('story', { headline: '江边新景' }, '李想');
    host = await start();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    await page.goto(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await runtime?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows 连接中断 with a retry, never an empty desk, and recovers when the host is back', async () => {
    await gotoDesk(page);
    await page.waitForSelector('[data-testid="story-row"]');
    const { port } = host;
    const pageToken = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token')!;
    await host.close();

    const lost = page.locator('[data-testid="connection-lost"]');
    await lost.waitFor();
    expect(await lost.textContent()).toContain('连接中断');
    expect(await page.textContent('body')).not.toContain('读写出错');
    await page.screenshot({ path: '/tmp/messages-lost-zh.png' });

    // Retrying while nothing answers keeps the notice up and says what else to try.
    await page.click('[data-testid="connection-retry"]');
    await page.locator('[data-testid="connection-still-lost"]').waitFor();
    expect(await lost.isVisible()).toBe(true);

    host = await start(port, pageToken);
    await page.click('[data-testid="connection-retry"]');
    await lost.waitFor({ state: 'detached' });
    await page.waitForSelector('[data-testid="story-row"]');
    expect(await page.textContent('[data-testid="desk-count"]')).toContain('共 1 篇');
  });

  it('a page opened while the host is down shows 连接中断, not 读写出错 and 共 0 篇', async () => {
    const { port } = host;
    const pageToken = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token')!;
    await host.close();
    // The page is still served from the browser's cache of nothing: start a bare server for the HTML only.
    const htmlOnly = await startHost({ dispatch: runtime.dispatch, rendererDir: RENDERER_DIR, port });
    const url = `http://127.0.0.1:${port}/#token=${pageToken}`;
    await page.goto(url);
    const lost = page.locator('[data-testid="connection-lost"]');
    await lost.waitFor();
    expect(await page.textContent('body')).not.toContain('共 0 篇');
    await htmlOnly.close();
    host = await start(port, pageToken);
    await page.click('[data-testid="connection-retry"]');
    await page.waitForSelector('[data-testid="story-row"]');
  });
});
