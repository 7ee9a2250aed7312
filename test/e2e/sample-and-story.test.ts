/** First start: the sample issue loads; a placed story shows its copy-fit, photos and their credits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { bodyText, openStoryWith, paragraphs, savedBody, selectInBody, storedBodyText } from './helpers/story';

describe('sample issue and the story screen', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the sample issue and lists its stories with pages and 字数', async () => {
    const { page } = app;
    await page.click('[data-testid="load-sample"]');
    await page.waitForSelector('[data-testid="story-row"]');
    const rows = await page.locator('[data-testid="story-row"]').count();
    expect(rows).toBeGreaterThan(2);
    await page.selectOption('[data-testid="filter-page"]', 'A01');
    await expect.poll(() => page.locator('[data-testid="story-row"]').count()).toBe(2);
    await page.selectOption('[data-testid="filter-page"]', '');
    await page.selectOption('[data-testid="sort"]', 'page');
    await page.screenshot({ path: '/tmp/newsdesk-desk-sample.png' });
  });

  it('a placed story shows the copy-fit bar against its slot', async () => {
    const { page } = app;
    const withPhoto = await page.$$eval('[data-testid="story-row"]', (r) => r.map((x) => x.getAttribute('data-id')!));
    let opened = false;
    for (const id of withPhoto) {
      const a = await app.services.articles.get(id);
      if (a.placement && a.body.some((b) => b.type === 'photo')) {
        await page.click(`[data-testid="story-row"][data-id="${id}"] [data-testid="story-open"]`);
        opened = true;
        break;
      }
    }
    if (!opened) await page.click('[data-testid="story-row"] [data-testid="story-open"]');
    await page.waitForSelector('[data-testid="copyfit"]');
    expect(await page.getAttribute('[data-testid="copyfit"]', 'data-state')).toBe('under');
    await page.screenshot({ path: '/tmp/newsdesk-story-sample.png' });
  });

  it('a photo credit typed as text is stored structured; a missing one is flagged', async () => {
    const { page } = app;
    const photo = { type: 'photo', asset: null, caption: '', credit: null, children: [{ text: '' }] };
    const id = await openStoryWith(app, { body: [...paragraphs('导语。'), photo, ...paragraphs('')] });
    await page.waitForSelector('[data-testid="photo-credit-flag"]');
    await page.fill('[data-testid="photo-caption"]', '市民在湘江边晨练。');
    await page.fill('[data-testid="photo-credit"]', '全媒体记者 王五 摄');
    await expect.poll(() => page.locator('[data-testid="photo-credit-flag"]').count()).toBe(0);
    let saved = await savedBody(app, id);
    expect(saved[1]).toMatchObject({
      caption: '市民在湘江边晨练。',
      credit: { kind: 'photographer', role: '全媒体记者', name: '王五' },
    });
    await page.fill('[data-testid="photo-credit"]', '天元区委宣传部供图');
    saved = await savedBody(app, id);
    expect(saved[1]).toMatchObject({ credit: { kind: 'supplied', by: '天元区委宣传部' } });
  });

  it('a photo picked from disk is imported and shown', async () => {
    const { page } = app;
    await openStoryWith(app, { body: paragraphs('有图的稿件。') });
    await selectInBody(page, [0, 6]);
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await page.setInputFiles('[data-testid="tb-photo-file"]', { name: 'pic.png', mimeType: 'image/png', buffer: png });
    const img = page.locator('[data-testid="photo-block"] img');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  });

  it('a photo file dropped onto the body is imported as a photo block there; a non-image is refused', async () => {
    const { page } = app;
    const id = await openStoryWith(app, { body: paragraphs('第一段。', '第二段。') });
    const drop = (name: string, type: string, base64: string) =>
      page.evaluate(
        ([n, t, b]) => {
          const bytes = Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], n, { type: t }));
          const target = document.querySelectorAll('[data-testid="story-body"] [data-slate-node="element"]')[1]!;
          const rect = target.getBoundingClientRect();
          target.dispatchEvent(
            new DragEvent('drop', {
              dataTransfer: dt,
              bubbles: true,
              cancelable: true,
              clientX: rect.left + 5,
              clientY: rect.top + 5,
            }),
          );
        },
        [name, type, base64] as const,
      );
    await drop(
      '现场.png',
      'image/png',
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    );
    const img = page.locator('[data-testid="photo-block"] img');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
    const saved = await savedBody(app, id);
    expect(saved.map((b) => b.type)).toContain('photo');
    expect(saved.find((b) => b.type === 'photo')).toMatchObject({ asset: expect.stringMatching(/\.png$/) });
    // A text file dropped with an image type is not a picture: refused with the reason, no block left behind.
    await drop('假图.png', 'image/png', Buffer.from('<script>alert(1)</script>').toString('base64'));
    await page.waitForSelector('[data-testid="image-error"]');
    expect(await page.textContent('[data-testid="image-error"]')).toContain('不是可识别的图片');
    expect(await page.locator('[data-testid="photo-block"]').count()).toBe(1);
  });

  it('find and replace covers the headline and the body, ignoring full-width differences', async () => {
    const { page } = app;
    const id = await openStoryWith(app, {
      headline: '２０２５年ＧＤＰ',
      body: paragraphs('2025年GDP增长。', '全年2025年目标。'),
    });
    await selectInBody(page, [0, 0]);
    await page.keyboard.press('Control+h');
    await page.fill('[data-testid="find-query"]', '2025年');
    await expect.poll(() => page.textContent('[data-testid="find-count"]')).toBe('1/3');
    expect(await page.locator('.find-hit').count()).toBe(2);
    await page.fill('[data-testid="find-replacement"]', '今年');
    await page.click('[data-testid="find-replace-all"]');
    await expect.poll(() => page.inputValue('[data-testid="field-headline"]')).toBe('今年ＧＤＰ');
    await expect.poll(() => bodyText(page)).toEqual(['今年GDP增长。', '全年今年目标。']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['今年GDP增长。', '全年今年目标。']);
    // One undo brings the body back.
    await selectInBody(page, [0, 0]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(page)).toEqual(['2025年GDP增长。', '全年2025年目标。']);
  });
});
