/** Revisions: what the copy desk changed since submission is shown marked up, and an old revision comes back as a new one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionArticle } from '../../electron/usecases/transition';
import { contentOf } from '../../shared/model/article';
import { startE2eApp, type E2eApp } from './harness';
import { bodyText, gotoDesk, paragraphs, stored } from './helpers/story';

const SUBMITTED = {
  headline: '株洲新闻旧标题',
  bylines: [{ role: '记者' as const, name: '高晓燕' }],
  body: paragraphs('第一段原文。', '第二段不变。', '第三段也不变。', '第四段还是不变。'),
};

describe('revisions', () => {
  let app: E2eApp;
  let id: string;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'reporter' });
    const { services } = app;
    const created = await services.articles.create('story', SUBMITTED, '高晓燕');
    const submitted = await transitionArticle(
      services,
      { id: created.id, baseRevision: created.revision, to: 'submitted' },
      '高晓燕',
    );
    services.settings.update({ role: 'copy-editor' });
    await services.articles.save(
      created.id,
      submitted.revision,
      {
        ...contentOf(submitted),
        headline: '株洲新闻新标题',
        body: paragraphs('第一段改过的文字。', '第二段不变。', '第三段也不变。', '第四段还是不变。'),
      },
      '编辑乙',
    );
    id = created.id;
    // The page learns the desk's role when it loads: a copy editor edits submitted copy, a reporter no longer does.
    await app.reopen();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the last submitted revision against the newest, with the changed headline and paragraph marked', async () => {
    const { page } = app;
    await gotoDesk(page);
    await page.evaluate((storyId) => {
      location.hash = `#/story/${storyId}`;
    }, id);
    await page.waitForSelector(
      `[data-testid="story-screen"][data-article-id="${id}"] [data-testid="story-body"][contenteditable="true"]`,
    );
    await page.click('[data-testid="open-revisions"]');

    const items = page.locator('[data-testid="revision-item"]');
    await expect.poll(() => items.count()).toBe(3);
    expect(await page.getAttribute('[data-testid="revision-item"][data-revision="2"]', 'data-milestone')).toBe('true');
    expect(await page.textContent('[data-testid="revisions-pair"]')).toBe('比较修订号 2 → 3');

    const headline = page.locator('[data-testid="rev-field-headline"]');
    await headline.waitFor();
    expect(await headline.locator('del').allTextContents()).toEqual(['旧']);
    expect(await headline.locator('ins').allTextContents()).toEqual(['新']);
    const changed = page.locator('[data-testid="rev-block"].is-changed');
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('del').allTextContents()).toEqual(['原文']);
    expect(await changed.locator('ins').allTextContents()).toEqual(['改过的文字']);
    // The three untouched paragraphs fold into one line.
    expect(await page.textContent('[data-testid="rev-unchanged"]')).toContain('3');
    await page.screenshot({ path: '/tmp/revisions-inline.png' });

    await page.click('[data-testid="revisions-mode-side"]');
    const cells = headline.locator('.rev-text');
    expect(await cells.count()).toBe(2);
    expect(await cells.nth(0).locator('del').allTextContents()).toEqual(['旧']);
    expect(await cells.nth(0).locator('ins').count()).toBe(0);
    expect(await cells.nth(1).locator('ins').allTextContents()).toEqual(['新']);
    expect(await cells.nth(1).textContent()).toBe('株洲新闻新标题');
    await page.click('[data-testid="revisions-changes-only"]');
    await page.screenshot({ path: '/tmp/revisions-side.png' });
  });

  it('any two revisions can be compared, and restoring the old one puts it back in the editor as a new revision', async () => {
    const { page } = app;
    await page.click('[data-testid="revision-item"][data-revision="1"] [data-testid="revision-from"]');
    await page.click('[data-testid="revision-item"][data-revision="2"] [data-testid="revision-to"]');
    await expect.poll(() => page.textContent('[data-testid="revisions-pair"]')).toBe('比较修订号 1 → 2');
    // Only the status changed between the draft and its submission: the text is the same.
    await expect.poll(() => page.locator('[data-testid="revision-compare"] .is-changed').count()).toBe(0);

    await page.click('[data-testid="revision-item"][data-revision="2"] [data-testid="revision-restore"]');
    await page.waitForSelector('[data-testid="revisions-view"]', { state: 'detached' });
    await expect.poll(() => page.inputValue('[data-testid="field-headline"]')).toBe('株洲新闻旧标题');
    expect((await bodyText(page))[0]).toBe('第一段原文。');
    expect(await page.getAttribute('[data-testid="story-screen"]', 'data-revision')).toBe('4');

    const saved = await stored(app, id);
    expect(saved.revision).toBe(4);
    expect(saved.headline).toBe('株洲新闻旧标题');
    expect(saved.status).toBe('submitted');

    await page.click('[data-testid="open-revisions"]');
    await expect.poll(() => page.locator('[data-testid="revision-item"]').count()).toBe(4);
    await page.click('[data-testid="revisions-close"]');
  });
});
