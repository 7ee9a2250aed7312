/**
 * Messages and words (issue 22, findings 4 and 8) in Chromium over the browser host: a refused move names every
 * missing item in the UI's language, the export runs in a dialog with its warnings and, when it fails, says what
 * failed and what to do, and the revision list shows one sitting's autosaves as one revision
 * (a sitting ends when the story is closed).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/ipc/handlers';
import { transitionArticle } from '../../electron/usecases/transition';
import { contentOf } from '../../shared/model/article';
import { startE2eApp, type E2eApp } from './harness';
import { focusBodyEnd, gotoDesk, insertText, openStory, openStoryWith, paragraphs, stored } from './helpers/story';

const DATE = '2026-12-09';
/** A 1×1 PNG. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('messages in the UI language', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'reporter', userName: '李想' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a refused submission lists every missing item, with statuses in words, in Chinese and in English', async () => {
    const { page } = app;
    app.services.settings.update({ role: 'reporter', language: 'zh-CN' });
    await openStoryWith(app, { body: paragraphs('') });
    await page.click('[data-testid="workflow-submitted"]');
    const error = page.locator('[data-testid="workflow-error"]');
    await error.waitFor();
    const items = page.locator('[data-testid="workflow-missing"] li');
    expect(await items.allTextContents()).toEqual(['主题（标题）', '正文', '署名或稿源']);
    expect(await error.textContent()).toContain('不能改为「已交稿」');
    expect(await error.textContent()).not.toMatch(/submitted|draft/);
    await page.screenshot({ path: '/tmp/messages-refused-zh.png' });

    app.services.settings.update({ language: 'en' });
    await openStoryWith(app, { body: paragraphs('') });
    await page.click('[data-testid="workflow-submitted"]');
    await page.locator('[data-testid="workflow-missing"]').waitFor();
    expect(await page.locator('[data-testid="workflow-missing"] li').allTextContents()).toEqual([
      'headline',
      'body text',
      'byline or source',
    ]);
    expect(await page.textContent('[data-testid="workflow-error"]')).toContain('Cannot move to "Submitted"');
    expect(await page.textContent('[data-testid="workflow-error"]')).not.toMatch(/[\u3400-\u9fff]/);
    await page.screenshot({ path: '/tmp/messages-refused-en.png' });
    app.services.settings.update({ language: 'zh-CN' });
  });

  it('the revision list shows one sitting of autosaves as one revision, each save kept underneath', async () => {
    const { page } = app;
    const { services } = app;
    // The history is written as a copy desk: a reporter's desk refuses her own edit after 交稿 (as the hub does).
    services.settings.update({ role: 'copy-editor', userName: '李想' });
    const READY = {
      headline: '江边新景',
      bylines: [{ role: '记者' as const, name: '李想' }],
      body: paragraphs('第一稿。'),
    };
    let a = await services.articles.create('story', READY, '李想');
    // Nine autosaves in one sitting, then the move, then two more saves on the submitted story.
    for (let i = 1; i <= 9; i++)
      a = await services.articles.save(
        a.id,
        a.revision,
        { ...contentOf(a), body: paragraphs(`第一稿，第 ${i} 次改。`) },
        '李想',
      );
    a = await transitionArticle(services, { id: a.id, baseRevision: a.revision, to: 'submitted' }, '李想');
    for (let i = 1; i <= 2; i++)
      a = await services.articles.save(
        a.id,
        a.revision,
        { ...contentOf(a), body: paragraphs(`交稿后第 ${i} 次改。`) },
        '李想',
      );
    services.settings.update({ role: 'reporter' });
    await app.reopen();
    await gotoDesk(page);
    await page.evaluate((id) => {
      location.hash = `#/story/${id}`;
    }, a.id);
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${a.id}"] [data-testid="story-body"]`);
    expect(await page.textContent('[data-testid="story-screen"]')).not.toMatch(/第 \d+ 版/);
    await page.click('[data-testid="open-revisions"]');
    const heads = page.locator('[data-testid="revision-item"]');
    // Two explicit revisions (the draft sitting, the submitted one), not 13 rows.
    await expect.poll(() => heads.count()).toBe(2);
    expect(await heads.nth(0).getAttribute('data-revision')).toBe('13');
    expect(await heads.nth(1).getAttribute('data-revision')).toBe('10');
    const toggles = page.locator('[data-testid="revision-group-toggle"]');
    expect(await toggles.allTextContents()).toEqual([
      expect.stringContaining('含 2 次自动保存'),
      expect.stringContaining('含 9 次自动保存'),
    ]);
    expect(await page.textContent('[data-testid="revisions-view"]')).toContain('修订号 13');
    expect(await page.textContent('[data-testid="revisions-view"]')).not.toMatch(/第 \d+ 版/);
    // The default pair compares from the submitted revision (11: the move), inside the newest group: it is open.
    await page.click('[data-testid="revision-group-toggle"] >> nth=1');
    await expect.poll(() => page.locator('[data-testid="revision-autosave"]').count()).toBe(2 + 9);
    await page.screenshot({ path: '/tmp/messages-revisions-zh.png' });
    await page.click('[data-testid="revisions-close"]');
  });

  it('closing the story (返回稿库) ends a sitting: typing after reopening starts a new revision group', async () => {
    const { page, services } = app;
    services.settings.update({ role: 'reporter', userName: '李想', language: 'zh-CN' });
    const id = await openStoryWith(app, { headline: '夜市开张', body: paragraphs('第一段。') });
    const revisionNow = async () => (await stored(app, id)).revision;
    // First sitting: one autosave on top of the created revision, both within a minute.
    await focusBodyEnd(page);
    await insertText(app, '第一次坐下来写。');
    await expect.poll(revisionNow, { timeout: 10_000 }).toBe(2);
    await page.click('[data-testid="back-to-desk"]');
    await page.waitForSelector('[data-testid="desk"]');
    // The close is recorded on the last save of the sitting (the screen sends it once its save is answered).
    await expect
      .poll(async () => (await services.revisions.list(id)).find((m) => m.revision === 2)?.endsSitting)
      .toBe(true);
    // Second sitting, seconds later, same person and status: only the close separates it from the first.
    await openStory(page, id);
    await focusBodyEnd(page);
    await insertText(app, '回来再写一句。');
    await expect.poll(revisionNow, { timeout: 10_000 }).toBe(3);
    await page.click('[data-testid="open-revisions"]');
    const heads = page.locator('[data-testid="revision-item"]');
    await expect.poll(() => heads.count()).toBe(2);
    expect(await heads.nth(0).getAttribute('data-revision')).toBe('3');
    expect(await heads.nth(1).getAttribute('data-revision')).toBe('2');
    await page.screenshot({ path: '/tmp/closemark-revisions-zh.png' });
    await page.click('[data-testid="revisions-close"]');
  });

  it('the export runs in a dialog: the package warns of a photo without its file; an unreadable photo file says what failed and what to do', async () => {
    const { page, services } = app;
    services.settings.update({ role: 'layout', userName: '版面编辑' });
    const handlers = createHandlers(services);
    await handlers['pageplan.createIssue']({ date: DATE, template: '4版' });
    const photo = {
      type: 'photo' as const,
      asset: null,
      caption: '江边新建的步道。',
      credit: { kind: 'photographer' as const, role: '记者', name: '王摄' },
      children: [{ text: '' as const }] as [{ text: '' }],
    };
    // The second story's photo names a file the store does not hold (lost in a copy of the data folder).
    const stories = [
      { headline: '江边新景', body: [...paragraphs('步道今日开放。'), photo] },
      { headline: '两株企获评', body: [...paragraphs('两家企业获评。'), { ...photo, asset: 'award-1.png' }] },
    ];
    for (const [i, s] of stories.entries()) {
      const a = await services.articles.create('story', { ...s, bylines: [{ role: '记者', name: '李想' }] }, '李想');
      await services.articles.update(a.id, 1, '编辑', (x) => ({ ...x, status: 'approved' }));
      const slot = ['A01-2', 'A02-1'][i]!;
      await handlers['pageplan.place']({ articleId: a.id, date: DATE, page: slot.slice(0, 3), slotId: slot });
    }
    const target = join(app.dataDir, 'exports', `${DATE}.zip`);

    await app.reopen();
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="fp-meta"]');
    await page.click('[data-testid="export-start"]');
    const dialog = page.locator('[data-testid="export-dialog"]');
    await dialog.waitFor();
    const failed = page.locator('[data-testid="export-failed"]');
    await failed.waitFor({ timeout: 90_000 });
    expect(await failed.textContent()).toContain('导出失败：A02《两株企获评》第 1 张图片的文件读不到。');
    expect(await page.textContent('[data-testid="export-failed-fix"]')).toBe(
      '请打开这篇稿件，重新插入这张图片或删去它，然后再导出。',
    );
    expect(await failed.textContent()).not.toBe('读写出错');
    await page.screenshot({ path: '/tmp/messages-export-failed-zh.png' });

    // The file is put back; the retry goes through.
    await mkdir(join(app.dataDir, 'assets'), { recursive: true });
    await writeFile(join(app.dataDir, 'assets', 'award-1.png'), Buffer.from(PNG_1PX, 'base64'));
    await page.click('[data-testid="export-retry"]');
    const done = page.locator('[data-testid="export-done"]');
    await done.waitFor({ timeout: 90_000 });
    expect(await page.textContent('[data-testid="export-path"]')).toBe(target);
    expect(await page.locator('[data-testid="export-warning"]').allTextContents()).toEqual([
      '《江边新景》第 1 张图片还没有图片文件：包里只有图说',
    ]);
    // The browser page cannot open a folder: it shows the path to copy.
    expect(await page.locator('[data-testid="export-copy-path"]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/messages-export-zh.png' });
    // The dialog sits over the plan; the toolbar keeps its size.
    const toolbarHeight = await page
      .locator('[data-testid="export-issue"]')
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(toolbarHeight).toBeLessThan(48);
    await page.click('[data-testid="export-close"]');
    await dialog.waitFor({ state: 'detached' });
  });
});
