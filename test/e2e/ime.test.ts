/**
 * Chinese input through an IME must never lose or double a character. Each case drives
 * Chromium's own composition (CDP Input.imeSetComposition, then the commit) at a spot where
 * Slate has had trouble, and checks both what the page shows and what the store saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import {
  bodyText,
  openStoryWith,
  paragraphs,
  savedBody,
  selectInBody,
  storedBodyText,
  typeChinese,
  waitForSaved,
} from './helpers/story';

const PHOTO = {
  type: 'photo',
  asset: null,
  caption: '图说',
  credit: { kind: 'supplied', by: '企业' },
  children: [{ text: '' }],
};

describe('Chinese IME in the story body', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('composing into an empty body (placeholder showing) gives the committed text once', async () => {
    const id = await openStoryWith(app, { body: paragraphs('') });
    await app.page.click('[data-testid="story-body"]');
    await typeChinese(app, 'nihao', '你好');
    await typeChinese(app, 'shijie', '世界');
    await expect.poll(() => bodyText(app.page)).toEqual(['你好世界']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['你好世界']);
  });

  it('composing in the paragraph right after a photo lands in that paragraph', async () => {
    const body = [...paragraphs('图前一段。'), PHOTO, ...paragraphs('')];
    const id = await openStoryWith(app, { body });
    await selectInBody(app.page, [2, 0]);
    await typeChinese(app, 'tuhou', '图后');
    await expect.poll(() => bodyText(app.page)).toEqual(['图前一段。', '图后']);
    const saved = await savedBody(app, id);
    expect(saved.map((b) => b.type)).toEqual(['paragraph', 'photo', 'paragraph']);
    expect(storedBodyText({ body: saved })).toEqual(['图前一段。', '图后']);
    expect(saved[1]!.caption).toBe('图说');
  });

  it('composing while a photo is selected puts the text in a paragraph after the photo, not nowhere', async () => {
    const body = [...paragraphs('一'), PHOTO, ...paragraphs('二')];
    const id = await openStoryWith(app, { body });
    await app.page.click('[data-testid="photo-block"] .photo-empty');
    await typeChinese(app, 'wen', '文');
    await expect.poll(() => bodyText(app.page)).toEqual(['一', '文', '二']);
    const saved = await savedBody(app, id);
    expect(saved.map((b) => b.type)).toEqual(['paragraph', 'photo', 'paragraph', 'paragraph']);
    expect(storedBodyText({ body: saved })).toEqual(['一', '文', '二']);
  });

  it('composing over a selection that ends on a photo replaces the selection, photo included', async () => {
    const id = await openStoryWith(app, { body: [...paragraphs('保留删除'), PHOTO, ...paragraphs('末段')] });
    await app.page.click('[data-testid="photo-block"] .photo-empty');
    await selectInBody(app.page, [0, 2]);
    await app.page.keyboard.press('Shift+ArrowRight');
    await app.page.keyboard.press('Shift+ArrowRight');
    await app.page.keyboard.press('Shift+ArrowRight');
    await typeChinese(app, 'huan', '换');
    await expect.poll(() => bodyText(app.page)).toEqual(['保留换', '末段']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['保留换', '末段']);
  });

  it('composing while an autosave completes loses nothing', async () => {
    const id = await openStoryWith(app, { body: paragraphs('') });
    await app.page.click('[data-testid="story-body"]');
    await typeChinese(app, 'di', '第');
    // The save fires 1 s after the edit, in the middle of the next composition.
    for (const p of ['y', 'yi', 'yij', 'yiju']) {
      await app.cdp.send('Input.imeSetComposition', { text: p, selectionStart: p.length, selectionEnd: p.length });
      await app.page.waitForTimeout(400);
    }
    await app.cdp.send('Input.insertText', { text: '一句' });
    await expect.poll(() => bodyText(app.page)).toEqual(['第一句']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['第一句']);
  });

  it('composing with bold switched on gives bold text, once', async () => {
    const id = await openStoryWith(app, { body: paragraphs('开头') });
    await selectInBody(app.page, [0, 2]);
    await app.page.keyboard.press('Control+b');
    await typeChinese(app, 'zhongyao', '重要');
    await expect.poll(() => bodyText(app.page)).toEqual(['开头重要']);
    const saved = await savedBody(app, id);
    expect(saved[0]!.children).toEqual([{ text: '开头' }, { text: '重要', bold: true }]);
  });

  it('composing over a selection inside a paragraph replaces it', async () => {
    const id = await openStoryWith(app, { body: paragraphs('今天株洲下雨') });
    await selectInBody(app.page, [0, 2], [0, 4]);
    await typeChinese(app, 'changsha', '长沙');
    await expect.poll(() => bodyText(app.page)).toEqual(['今天长沙下雨']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['今天长沙下雨']);
  });

  it('composing over a selection across a paragraph boundary merges the paragraphs once', async () => {
    const id = await openStoryWith(app, { body: paragraphs('第一段文字', '第二段文字', '第三段') });
    await selectInBody(app.page, [0, 3], [1, 3]);
    await typeChinese(app, 'he', '合');
    await expect.poll(() => bodyText(app.page)).toEqual(['第一段合文字', '第三段']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['第一段合文字', '第三段']);
  });

  it('blurring in the middle of a composition keeps what the page shows, once', async () => {
    const id = await openStoryWith(app, { body: paragraphs('前文') });
    await selectInBody(app.page, [0, 2]);
    for (const p of ['z', 'zh', 'zho', 'zhon', 'zhong']) {
      await app.cdp.send('Input.imeSetComposition', { text: p, selectionStart: p.length, selectionEnd: p.length });
    }
    await app.page.click('[data-testid="field-kicker"]');
    await app.page.waitForTimeout(300);
    const shown = await bodyText(app.page);
    // Chromium commits the pending composition on blur; whatever it shows must be what is stored.
    expect(shown.length).toBe(1);
    expect(['前文', '前文zhong']).toContain(shown[0]);
    await waitForSaved(app.page);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(shown);
    // Typing goes on normally afterwards.
    await selectInBody(app.page, [0, shown[0]!.length]);
    await typeChinese(app, 'zhong', '中');
    await expect.poll(() => bodyText(app.page)).toEqual([`${shown[0]}中`]);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual([`${shown[0]}中`]);
  });

  it('undo after a composition removes the committed word whole, and redo brings it back', async () => {
    const id = await openStoryWith(app, { body: paragraphs('原文。') });
    await selectInBody(app.page, [0, 3]);
    await typeChinese(app, 'xinzeng', '新增');
    await expect.poll(() => bodyText(app.page)).toEqual(['原文。新增']);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(app.page)).toEqual(['原文。']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['原文。']);
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => bodyText(app.page)).toEqual(['原文。新增']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['原文。新增']);
  });
});
