/**
 * 留痕 on a photo's caption and credit in the real renderer: a caption edit typed with an IME and a credit
 * changed by hand are pending suggestions with author, listed with the body's and marked under their inputs;
 * rejecting one gives the old caption back, accepting the other keeps the new credit, and the store has both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imeType, startE2eApp, type E2eApp } from './harness';
import { openStoryWith, paragraphs, stored, waitForSaved } from './helpers/story';

const CAPTION = '图为株洲大桥通车现场。';
const PHOTO = {
  type: 'photo',
  asset: null,
  caption: CAPTION,
  credit: { kind: 'photographer', role: '记者', name: '刘军' },
  children: [{ text: '' }],
};

describe('a photo’s caption and credit in 留痕', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ userName: '李编辑', role: 'copy-editor' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are suggestions like every other field: marked, listed, rejected and accepted', async () => {
    const { page } = app;
    const id = await openStoryWith(app, {
      headline: '株洲大桥通车',
      source: '株洲日报',
      bylines: [{ role: '记者', name: '李想' }],
      body: [PHOTO, ...paragraphs('大桥今天通车。')],
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    if ((await page.locator('[data-testid="review-panel"]').count()) === 0)
      await page.click('[data-testid="open-review"]');
    expect(await page.isChecked('[data-testid="suggest-toggle"]')).toBe(true);
    const items = page.locator('[data-testid="change-item"]');

    // 株洲 → 湘江 in the caption: select the two characters after 图为 and compose 湘江 with the IME.
    const caption = page.locator('[data-testid="photo-caption"]');
    await caption.click();
    await caption.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(2, 4));
    await imeType(app.cdp, 'xiangjiang', '湘江');
    await expect.poll(() => caption.inputValue()).toBe('图为湘江大桥通车现场。');
    // One change, made at commit: the pinyin typed on the way is no suggestion.
    await expect.poll(() => items.count()).toBe(1);
    const marks = page.locator('[data-testid="marks-photo-caption"]');
    expect(await marks.locator('.sg-del').textContent()).toBe('株洲');
    expect(await marks.locator('.sg-ins').textContent()).toBe('湘江');
    expect(await items.first().getAttribute('data-kind')).toBe('replace');
    expect(await items.first().textContent()).toContain('李编辑');

    // The credit: 刘军 → 王磊, struck with the new one beside it.
    await page.fill('[data-testid="photo-credit"]', '记者 王磊 摄');
    await expect.poll(() => items.count()).toBe(2);
    expect(await page.locator('[data-testid="marks-photo-credit"] .sg-del').textContent()).toBe('记者 刘军 摄');
    expect(await page.locator('[data-testid="marks-photo-credit"] .sg-ins').textContent()).toBe('记者 王磊 摄');

    await waitForSaved(page);
    const saved = await stored(app, id);
    const photo = saved.body[0]!;
    if (photo.type !== 'photo') throw new Error('the photo is first');
    expect(photo.caption).toBe('图为湘江大桥通车现场。');
    expect(photo.tracked?.caption).toBeDefined();
    expect(photo.tracked?.credit).toHaveLength(2);
    expect((saved.changes ?? []).length).toBe(2);
    await page.locator('[data-testid="photo-block"]').screenshot({ path: '/tmp/photo-caption-tracked.png' });

    // Reject the caption's change, accept the credit's.
    await items.filter({ hasText: '湘江' }).locator('[data-testid="reject-one"]').click();
    await expect.poll(() => page.locator('[data-testid="photo-caption"]').inputValue()).toBe(CAPTION);
    await expect.poll(() => items.count()).toBe(1);
    await items.first().locator('[data-testid="accept-one"]').click();
    await expect.poll(() => items.count()).toBe(0);
    expect(await page.locator('[data-testid="photo-credit"]').inputValue()).toBe('记者 王磊 摄');
    expect(await page.locator('[data-testid="marks-photo-caption"], [data-testid="marks-photo-credit"]').count()).toBe(
      0,
    );
    await waitForSaved(page);
    await expect
      .poll(async () => {
        const a = await stored(app, id);
        const p = a.body[0]!;
        return p.type === 'photo' ? [p.caption, p.credit, p.tracked ?? null, (a.changes ?? []).length] : null;
      })
      .toEqual([CAPTION, { kind: 'photographer', role: '记者', name: '王磊' }, null, 0]);
  });
});
