/** Chinese full-text search from the desk: a run of two characters finds the story, highlighted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk, paragraphs } from './helpers/story';

describe('desk search', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds a story by a two-character run in its body and marks it', async () => {
    const a = await app.services.articles.create(
      'story',
      { headline: '城市更新提速', body: paragraphs('炎陵县的黄桃今年喜获丰收，果农笑开颜。') },
      '测试',
    );
    await app.services.articles.create('story', { headline: '其他新闻', body: paragraphs('与此无关。') }, '测试');
    await app.reopen();
    await gotoDesk(app.page);
    await app.page.fill('[data-testid="search-input"]', '黄桃');
    const hit = app.page.locator(`[data-testid="search-hit"][data-id="${a.id}"]`);
    await hit.waitFor();
    expect(await app.page.locator('[data-testid="search-hit"]').count()).toBe(1);
    expect(await hit.locator('mark').first().textContent()).toBe('黄桃');
    await app.page.screenshot({ path: '/tmp/newsdesk-search.png' });
    await hit.locator('[data-testid="search-hit-open"]').click();
    await app.page.waitForSelector(`[data-testid="story-screen"][data-article-id="${a.id}"]`);
  });

  it('the desk list is navigated with the arrow keys and Enter', async () => {
    await app.reopen();
    await gotoDesk(app.page);
    await app.page.waitForSelector('[data-testid="story-row"]');
    const ids = await app.page.$$eval('[data-testid="story-row"]', (rows) =>
      rows.map((r) => r.getAttribute('data-id')),
    );
    await app.page.focus('[data-testid="desk-list"]');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    await app.page.waitForSelector(`[data-testid="story-screen"][data-article-id="${ids[1]}"]`);
  });
});
