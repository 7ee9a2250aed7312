/** Saving without being asked: through reloads, against a newer version saved elsewhere, and from the local journal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import {
  bodyText,
  insertText,
  openStoryWith,
  paragraphs,
  savedBody,
  selectInBody,
  stored,
  storedBodyText,
  waitForSaved,
} from './helpers/story';

describe('autosave', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('saves within a second or so of the last edit, and the text survives a reload', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { headline: '原标题', body: paragraphs('第一段。') });
    await selectInBody(page, [0, 4]);
    await insertText(app, '补充一句。');
    await page.waitForSelector(
      '[data-testid="save-status"][data-state="dirty"], [data-testid="save-status"][data-state="saving"]',
    );
    const started = Date.now();
    await waitForSaved(page);
    expect(Date.now() - started).toBeLessThan(3000);
    await page.reload();
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${id}"] [data-testid="story-body"]`);
    expect(await bodyText(page)).toEqual(['第一段。补充一句。']);
    expect(await page.locator('[data-testid="recover-offer"]').count()).toBe(0);
  });

  it('a newer revision saved elsewhere shows the conflict; keep mine saves on top of it', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { headline: '标题', body: paragraphs('共同的开头。') });
    const base = await stored(app, id);
    await selectInBody(page, [0, 6]);
    await insertText(app, '我的修改。');
    // Someone else saves before our debounced save goes out.
    await app.services.articles.save(
      id,
      base.revision,
      { ...base, headline: '他人的标题', body: paragraphs('共同的开头。他人的修改。') },
      '值班编辑',
    );
    await page.waitForSelector('[data-testid="save-status"][data-state="conflict"]');
    await page.waitForSelector('[data-testid="conflict-dialog"]');
    expect(await page.textContent('[data-testid="conflict-dialog"]')).toContain('值班编辑');
    expect(await page.textContent('[data-testid="conflict-theirs"]')).toContain('他人的标题');
    await page.click('[data-testid="conflict-compare"]');
    expect(await page.textContent('[data-testid="conflict-diff"]')).toContain('他人的修改');
    // The text stays in the editor throughout.
    expect(await bodyText(page)).toEqual(['共同的开头。我的修改。']);

    await page.click('[data-testid="conflict-keep-mine"]');
    await waitForSaved(page);
    const after = await stored(app, id);
    expect(after.revision).toBe(base.revision + 2);
    expect(storedBodyText(after)).toEqual(['共同的开头。我的修改。']);
  });

  it('merge keeps both edits: mine in one paragraph, theirs in another and in the headline', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { headline: '标题', body: paragraphs('第一段。', '第二段。') });
    const base = await stored(app, id);
    await selectInBody(page, [0, 4]);
    await insertText(app, '记者补充。');
    await app.services.articles.save(
      id,
      base.revision,
      { ...base, headline: '编辑改的标题', body: paragraphs('第一段。', '第二段，编辑改过。') },
      '值班编辑',
    );
    await page.waitForSelector('[data-testid="conflict-dialog"]');
    await page.click('[data-testid="conflict-merge"]');
    await page.waitForSelector('[data-testid="story-notice"]');
    await expect.poll(() => bodyText(page)).toEqual(['第一段。记者补充。', '第二段，编辑改过。']);
    await waitForSaved(page);
    const after = await stored(app, id);
    expect(after.revision).toBe(base.revision + 2);
    expect(after.headline).toBe('编辑改的标题');
    expect(storedBodyText(after)).toEqual(['第一段。记者补充。', '第二段，编辑改过。']);
  });

  it('take theirs replaces the editor with the newer version', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { headline: '标题', body: paragraphs('开头。') });
    const base = await stored(app, id);
    await selectInBody(page, [0, 3]);
    await insertText(app, '将被放弃。');
    await app.services.articles.save(id, base.revision, { ...base, body: paragraphs('他们的版本。') }, '值班编辑');
    await page.waitForSelector('[data-testid="conflict-dialog"]');
    await page.click('[data-testid="conflict-take-theirs"]');
    await expect.poll(() => bodyText(page)).toEqual(['他们的版本。']);
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    expect(await page.locator('[data-testid="conflict-dialog"]').count()).toBe(0);
    // Editing goes on from their revision without another conflict.
    await selectInBody(page, [0, 6]);
    await insertText(app, '续写。');
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['他们的版本。续写。']);
  });

  it('reopening a story with unsaved journalled text offers to recover it', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { headline: '标题', body: paragraphs('已保存的文字。') });
    const base = await stored(app, id);
    // What a crash right after typing leaves behind: the journal, ahead of the store.
    await page.evaluate(
      ([articleId, entry]) => localStorage.setItem(`newsdesk.journal.${articleId}`, JSON.stringify(entry)),
      [
        id,
        {
          baseRevision: base.revision,
          writtenAt: new Date().toISOString(),
          content: { ...base, body: paragraphs('已保存的文字。没来得及保存的一句。') },
        },
      ] as const,
    );
    await page.reload();
    await page.waitForSelector('[data-testid="recover-offer"]');
    expect(await bodyText(page)).toEqual(['已保存的文字。']);
    await page.click('[data-testid="recover-accept"]');
    await expect.poll(() => bodyText(page)).toEqual(['已保存的文字。没来得及保存的一句。']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['已保存的文字。没来得及保存的一句。']);
    expect(await page.evaluate((articleId) => localStorage.getItem(`newsdesk.journal.${articleId}`), id)).toBeNull();
  });

  it('recovering journalled text older than the stored version meets it as a conflict, not an overwrite', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { headline: '标题', body: paragraphs('第一版。') });
    const base = await stored(app, id);
    await page.evaluate(
      ([articleId, entry]) => localStorage.setItem(`newsdesk.journal.${articleId}`, JSON.stringify(entry)),
      [
        id,
        {
          baseRevision: base.revision,
          writtenAt: new Date().toISOString(),
          content: { ...base, body: paragraphs('第一版。记者没保存的补充。') },
        },
      ] as const,
    );
    // Meanwhile the copy desk saved a newer version.
    await app.services.articles.save(
      id,
      base.revision,
      { ...base, body: paragraphs('编辑改过的第一版。') },
      '值班编辑',
    );
    await page.reload();
    await page.waitForSelector('[data-testid="recover-offer"]');
    await page.click('[data-testid="recover-accept"]');
    await page.waitForSelector('[data-testid="conflict-dialog"]', { timeout: 10_000 });
    expect(storedBodyText(await stored(app, id))).toEqual(['编辑改过的第一版。']);
    expect(await bodyText(page)).toEqual(['第一版。记者没保存的补充。']);
  });

  it('with nothing unsaved, a newer version saved elsewhere simply appears', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { headline: '标题', body: paragraphs('旧文字。') });
    const base = await stored(app, id);
    await app.services.articles.save(id, base.revision, { ...base, body: paragraphs('新文字。') }, '值班编辑');
    await expect.poll(() => bodyText(page)).toEqual(['新文字。']);
    expect(await page.getAttribute('[data-testid="save-status"]', 'data-state')).toBe('saved');
    expect(await page.locator('[data-testid="conflict-dialog"]').count()).toBe(0);
  });

  it('a failed save keeps the text, says 出错, and succeeds once the service is back', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { body: paragraphs('离线前。') });
    await selectInBody(page, [0, 4]);
    // The connection to the service drops on the next call, as when the host process dies.
    await page.evaluate(() => {
      const send = WebSocket.prototype.send;
      (window as { __restoreSend?: () => void }).__restoreSend = () => {
        WebSocket.prototype.send = send;
      };
      WebSocket.prototype.send = function () {
        this.close();
      };
    });
    await insertText(app, '离线时写的。');
    await page.waitForSelector('[data-testid="save-status"][data-state="error"]', { timeout: 10_000 });
    expect(await bodyText(page)).toEqual(['离线前。离线时写的。']);
    expect(await page.evaluate((articleId) => localStorage.getItem(`newsdesk.journal.${articleId}`), id)).toContain(
      '离线时写的',
    );
    await page.evaluate(() => (window as { __restoreSend?: () => void }).__restoreSend!());
    await waitForSaved(page, 15_000);
    expect(storedBodyText(await stored(app, id))).toEqual(['离线前。离线时写的。']);
  });

  it('Ctrl+S saves at once', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { body: paragraphs('') });
    await page.click('[data-testid="field-headline"]');
    await insertText(app, '立即保存');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 900 });
    expect((await stored(app, id)).headline).toBe('立即保存');
  });
});
