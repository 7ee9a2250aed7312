/** The desk with a big store: the true total and every story reachable page by page; a clean console on load. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContent, type Article } from '../../shared/model/article';
import { paragraph } from '../../shared/model/document';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk } from './helpers/story';

const STORIES = 1_200;

/** Story i, newest first by i, written as the store writes it. */
function story(i: number): Article {
  const at = new Date(Date.UTC(2026, 0, 1) + (STORIES - i) * 60_000).toISOString();
  return {
    ...emptyContent(),
    id: `a-desk${String(i).padStart(6, '0')}`,
    headline: `分页稿件${i}`,
    body: [paragraph(`第${i}篇稿件的正文。`)],
    status: 'draft',
    spikedFrom: null,
    revision: 1,
    createdAt: at,
    createdBy: '测试',
    updatedAt: at,
    updatedBy: '测试',
    placement: null,
  };
}

describe('the desk with more stories than one list call returns', () => {
  let app: E2eApp;
  let dir: string;
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    // Written straight into the store's folder (no fsync per file) so 1,200 stories take a moment; the store indexes them on open.
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-desk-'));
    await mkdir(join(dir, 'articles'), { recursive: true });
    for (let i = 0; i < STORIES; i += 200) {
      await Promise.all(
        Array.from({ length: 200 }, (_, k) => {
          const a = story(i + k);
          return writeFile(join(dir, 'articles', `${a.id}.json`), JSON.stringify(a));
        }),
      );
    }
    app = await startE2eApp({}, dir);
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads without a console error or a failed request', async () => {
    // Let the first load finish: reopening while its font requests are in flight would abort them.
    await app.page.waitForLoadState('networkidle');
    app.page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    app.page.on('response', (r) => {
      if (r.status() >= 400) failedRequests.push(`${r.status()} ${r.url()}`);
    });
    app.page.on('requestfailed', (r) => failedRequests.push(`failed ${r.url()}`));
    await app.reopen();
    await gotoDesk(app.page);
    await app.page.waitForSelector('[data-testid="story-row"]');
    // The browser asks for an icon once the page has loaded; give it the moment it takes.
    await app.page.waitForLoadState('networkidle');
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('has an icon the browser can load, so a full browser does not log /favicon.ico as 404', async () => {
    // Headless Chromium never asks for the icon; a desktop browser asks for the declared one, else /favicon.ico.
    const status = await app.page.evaluate(async () => {
      const declared = document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href;
      const r = await fetch(declared ?? new URL('/favicon.ico', location.href).href);
      return { declared: declared ?? null, status: r.status, type: r.headers.get('content-type') };
    });
    expect(status.declared).not.toBeNull();
    expect(status.status).toBe(200);
    expect(status.type).toMatch(/^image\//);
  });

  it('counts every story and pages through all of them', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('[data-testid="desk-count"]').textContent()).toContain(`${STORIES}`);
    expect(await page.locator('[data-testid="desk-range"]').textContent()).toContain('第 1–200 篇，共 1200 篇');
    expect(await page.locator('[data-testid="story-row"]').count()).toBe(200);
    expect(await page.locator('[data-testid="desk-prev"]').isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/newsdesk-desk-paging.png' });

    const seen = new Set<string>();
    for (let p = 0; p < STORIES / 200; p++) {
      if (p > 0) {
        await page.click('[data-testid="desk-next"]');
        await page.waitForFunction(
          (first) => document.querySelector('[data-testid="story-row"]')?.getAttribute('data-id') !== first,
          [...seen].at(-200),
        );
      }
      const ids = await page.$$eval('[data-testid="story-row"]', (rows) => rows.map((r) => r.getAttribute('data-id')!));
      ids.forEach((id) => seen.add(id));
    }
    expect(seen.size).toBe(STORIES);
    expect(await page.locator('[data-testid="desk-next"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="desk-range"]').textContent()).toContain('第 1001–1200 篇');

    await page.click('[data-testid="desk-prev"]');
    await expect.poll(() => page.locator('[data-testid="desk-range"]').textContent()).toContain('第 801–1000 篇');
  });
});
