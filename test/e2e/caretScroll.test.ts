/** Typing far down a long story keeps the caret on screen (our cheaper scroll-into-view). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { insertText, openStoryWith, selectInBody } from './helpers/story';
import { paragraph } from '../../shared/model/document';

describe('the caret while typing', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is scrolled into view when typing in a paragraph below the fold', async () => {
    const body = Array.from({ length: 120 }, (_, i) => paragraph(`第${i + 1}段，株洲市重点项目建设稳步推进。`));
    await openStoryWith(app, { headline: '长稿', body });
    await selectInBody(app.page, [110, 3]);
    const caretInView = () =>
      app.page.evaluate(() => {
        const range = document.getSelection()!.getRangeAt(0);
        const caret = range.getBoundingClientRect();
        const area = document.querySelector('.story-main')!.getBoundingClientRect();
        return caret.top >= area.top && caret.bottom <= area.bottom;
      });
    expect(await caretInView()).toBe(false);
    await insertText(app, '字');
    await expect.poll(caretInView).toBe(true);
  });
});
