/** A story placed on a page, nothing else changed: the revision comparison shows the placement, not "nothing changed". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk, paragraphs } from './helpers/story';

describe('revision comparison of a placement', () => {
  let app: E2eApp;
  let id: string;
  beforeAll(async () => {
    app = await startE2eApp();
    const created = await app.services.articles.create(
      'story',
      { headline: '版面稿件', body: paragraphs('正文。') },
      '甲',
    );
    // As the layout desk (and the sample issue) place a story: the article changes, its content does not.
    await app.services.articles.update(created.id, created.revision, '版面编辑', (a) => ({
      ...a,
      placement: { issueDate: '2026-03-29', page: 'A03', slotId: 'A03-1', order: 0 },
    }));
    id = created.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('marks the new placement between revisions 1 and 2', async () => {
    const { page } = app;
    await gotoDesk(page);
    await page.evaluate((storyId) => {
      location.hash = `#/story/${storyId}`;
    }, id);
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${id}"] [data-testid="story-body"]`);
    await page.click('[data-testid="open-revisions"]');
    expect(await page.locator('[data-testid="revisions-pair"]').textContent()).toBe('比较修订号 1 → 2');
    const row = page.locator('[data-testid="rev-field-placement"]');
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('is-changed');
    expect(await row.locator('ins').allTextContents()).toEqual(['2026-03-29 A03 A03-1 #1']);
    expect(await row.locator('.rev-label').textContent()).toBe('版面位置');
    expect(await page.locator('text=两个修订内容相同').count()).toBe(0);
    await page.screenshot({ path: '/tmp/newsdesk-revision-placement.png' });
  });
});
