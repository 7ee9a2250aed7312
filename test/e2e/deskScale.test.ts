/** A large desk: every story reachable page by page, filtered by day (today, a date) with a status, sorted by a column. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContent, type Article } from '../../shared/model/article';
import { paragraph } from '../../shared/model/document';
import { STATUSES } from '../../shared/model/status';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk } from './helpers/story';

const STORIES = 3_000;
const STEP_MS = 20 * 60_000;
const now = Date.now();

/** Story i was last changed i × 20 minutes ago; statuses cycle through the live ones; story 1234 is the longest. */
function story(i: number): Article {
  const at = new Date(now - i * STEP_MS).toISOString();
  return {
    ...emptyContent(),
    id: `a-scale${String(i).padStart(6, '0')}`,
    headline: `大稿库稿件${i}`,
    body: [paragraph(i === 1234 ? '长'.repeat(5000) : `第${i}篇稿件的正文。`)],
    status: STATUSES[i % 5]!,
    spikedFrom: null,
    revision: 1,
    createdAt: at,
    createdBy: '测试',
    updatedAt: at,
    updatedBy: '测试',
    placement: null,
  };
}

function localDay(offsetDays: number): { from: number; to: number; iso: string } {
  const d = new Date(now);
  const from = new Date(d.getFullYear(), d.getMonth(), d.getDate() - offsetDays);
  const to = new Date(d.getFullYear(), d.getMonth(), d.getDate() - offsetDays + 1);
  const iso = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
  return { from: from.getTime(), to: to.getTime(), iso };
}

function expectedCount(day: { from: number; to: number }, status?: string): number {
  let n = 0;
  for (let i = 0; i < STORIES; i++) {
    const at = now - i * STEP_MS;
    if (at >= day.from && at < day.to && (!status || STATUSES[i % 5] === status)) n++;
  }
  return n;
}

describe('the desk over a large store', () => {
  let app: E2eApp;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-scale-'));
    await mkdir(join(dir, 'articles'), { recursive: true });
    for (let i = 0; i < STORIES; i += 250) {
      await Promise.all(
        Array.from({ length: 250 }, (_, k) => {
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

  const count = () => app.page.locator('[data-testid="desk-count"]').textContent();

  it('pages to the last of 3,000 stories, then filters by day and status and sorts by a column', async () => {
    const { page } = app;
    await gotoDesk(page);
    await expect.poll(count).toContain(`${STORIES}`);
    for (let p = 1; p < STORIES / 200; p++) await page.click('[data-testid="desk-next"]');
    await expect.poll(() => page.locator('[data-testid="desk-range"]').textContent()).toContain('第 2801–3000 篇');
    expect(await page.locator('[data-testid="story-row"]').last().getAttribute('data-id')).toBe('a-scale002999');

    await page.selectOption('[data-testid="filter-day"]', 'today');
    await expect.poll(count).toBe(`共 ${expectedCount(localDay(0))} 篇`);

    const tenDaysAgo = localDay(10);
    await page.selectOption('[data-testid="filter-day"]', 'date');
    await page.fill('[data-testid="filter-date"]', tenDaysAgo.iso);
    await expect.poll(count).toBe(`共 ${expectedCount(tenDaysAgo)} 篇`);
    await page.selectOption('[data-testid="filter-status"]', 'edited');
    const edited = expectedCount(tenDaysAgo, 'edited');
    expect(edited).toBeGreaterThan(0);
    await expect.poll(count).toBe(`共 ${edited} 篇`);
    const ids = await page.$$eval('[data-testid="story-row"]', (rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids).toHaveLength(edited);
    await page.screenshot({ path: '/tmp/newsdesk-desk-scale-day.png' });

    await page.selectOption('[data-testid="filter-day"]', '');
    await page.selectOption('[data-testid="filter-status"]', '');
    await page.click('[data-testid="sort-chars"]');
    await expect
      .poll(() => page.locator('[data-testid="story-row"]').first().getAttribute('data-id'))
      .toBe('a-scale001234');
    await page.click('[data-testid="sort-chars"]');
    await expect
      .poll(() => page.locator('[data-testid="story-row"]').last().getAttribute('data-id'))
      .not.toBe('a-scale001234');
    await page.screenshot({ path: '/tmp/newsdesk-desk-scale-sorted.png' });
  });
});
