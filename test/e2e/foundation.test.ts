/** The heart of the app: a story typed in Chinese is saved by itself and is there when the app is opened again. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import {
  bodyText,
  focusBodyEnd,
  gotoDesk,
  insertText,
  newStory,
  openStory,
  stored,
  storedBodyText,
  typeChinese,
  waitForSaved,
} from './helpers/story';

describe('writing a story', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('offers the sample issue on an empty store', async () => {
    await app.page.waitForSelector('[data-testid="sample-offer"]');
    await app.page.screenshot({ path: '/tmp/newsdesk-sample-offer.png' });
  });

  it('a Chinese headline and body typed through the IME are autosaved and there after reopening', async () => {
    const { page } = app;
    const id = await newStory(page);

    await page.click('[data-testid="field-headline"]');
    await typeChinese(app, 'zhuzhou', '株洲');
    await typeChinese(app, 'xinwen', '新闻');
    await expect.poll(() => page.inputValue('[data-testid="field-headline"]')).toBe('株洲新闻');
    await expect.poll(() => page.textContent('[data-testid="count-headline"]')).toContain('4');

    await focusBodyEnd(page);
    await typeChinese(app, 'jintian', '今天');
    await insertText(app, '，株洲下雨了。');
    await page.keyboard.press('Enter');
    await typeChinese(app, 'dierduan', '第二段');
    await expect.poll(() => bodyText(page)).toEqual(['今天，株洲下雨了。', '第二段']);

    await waitForSaved(page);
    const saved = await stored(app, id);
    expect(saved.headline).toBe('株洲新闻');
    expect(storedBodyText(saved)).toEqual(['今天，株洲下雨了。', '第二段']);

    await app.reopen();
    await gotoDesk(page);
    await page.waitForSelector(`[data-testid="story-row"][data-id="${id}"]`);
    await page.screenshot({ path: '/tmp/newsdesk-desk.png' });
    await openStory(page, id);
    expect(await page.inputValue('[data-testid="field-headline"]')).toBe('株洲新闻');
    expect(await bodyText(page)).toEqual(['今天，株洲下雨了。', '第二段']);
    await page.screenshot({ path: '/tmp/newsdesk-story.png' });
  });
});
