/** The desk from the keyboard: filters kept across a visit to a story, and search as a list box (Enter opens the highlighted hit). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk, paragraphs } from './helpers/story';

describe('desk keyboard and filters', () => {
  let app: E2eApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    app = await startE2eApp({ role: 'copy-editor', userName: '编辑' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
    for (const [name, headline, status] of [
      ['a', '春耕备耕调查之一', 'edited'],
      ['b', '春耕备耕调查之二', 'edited'],
      ['c', '城市更新提速', 'draft'],
    ] as const) {
      const a = await app.services.articles.create(
        'story',
        { headline, body: paragraphs(`${headline}的正文，记者走访田间地头。`) },
        '记者',
      );
      if (status !== 'draft') await app.services.articles.update(a.id, 1, '编辑', (x) => ({ ...x, status }));
      ids[name] = a.id;
    }
    // The index is built before the first query (a worker thread), as after any start of a used store.
    await app.services.search.whenComplete();
    await app.reopen();
    await gotoDesk(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  const rowIds = () =>
    app.page.$$eval('[data-testid="story-row"]', (rows) => rows.map((r) => r.getAttribute('data-id')).sort());

  it('searches like a list box: the first hit highlighted, Enter opens it, ↓ goes to the second', async () => {
    const { page } = app;
    await page.fill('[data-testid="search-input"]', '春耕');
    await expect.poll(() => page.locator('[data-testid="search-hit"]').count()).toBe(2);
    const hits = await page.$$eval('[data-testid="search-hit"]', (els) => els.map((e) => e.getAttribute('data-id')));
    const highlighted = () =>
      page.$$eval('[data-testid="search-hit"][aria-selected="true"]', (els) =>
        els.map((e) => e.getAttribute('data-id')),
      );
    expect(await highlighted()).toEqual([hits[0]]);
    await page.screenshot({ path: '/tmp/keyboard-desk-search.png' });
    await page.press('[data-testid="search-input"]', 'Enter');
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${hits[0]}"]`);

    await page.click('[data-testid="back-to-desk"]');
    // The search is kept too; ↓ moves the highlight to the second hit while the caret stays in the field.
    expect(await page.inputValue('[data-testid="search-input"]')).toBe('春耕');
    await expect.poll(() => page.locator('[data-testid="search-hit"]').count()).toBe(2);
    await page.focus('[data-testid="search-input"]');
    await page.keyboard.press('ArrowDown');
    expect(await highlighted()).toEqual([hits[1]]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    expect(await page.getAttribute('[data-testid="search-input"]', 'aria-activedescendant')).toBe(
      `search-hit-${hits[1]}`,
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${hits[1]}"]`);
  });

  it('keeps the filters when coming back from a story', async () => {
    const { page } = app;
    await page.click('[data-testid="back-to-desk"]');
    await page.fill('[data-testid="search-input"]', '');
    await expect.poll(rowIds).toHaveLength(3);
    await page.selectOption('[data-testid="filter-status"]', 'edited');
    await expect.poll(rowIds).toEqual([ids.a, ids.b].sort());
    await page.click(`[data-testid="story-row"][data-id="${ids.a}"] [data-testid="story-open"]`);
    await page.waitForSelector('[data-testid="story-screen"]');
    await page.click('[data-testid="back-to-desk"]');
    await page.waitForSelector('[data-testid="desk"]');
    expect(await page.inputValue('[data-testid="filter-status"]')).toBe('edited');
    await expect.poll(rowIds).toEqual([ids.a, ids.b].sort());
    await page.screenshot({ path: '/tmp/keyboard-desk-filters.png' });
    await page.selectOption('[data-testid="filter-status"]', '');
  });
});
