/**
 * 留痕 catches every edit a copy editor makes, in the real renderer in Chromium (issue 22, findings 1
 * and 6): a headline change typed with an IME, a replace-all across 引题 and body, 校对's accept-all
 * and a credit edit each become pending suggestions with author and time; Ctrl+Z takes the whole
 * replace-all back, 引题 included; reject-all gives the original story back. Screenshots of the panel and marks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imeType, startE2eApp, type E2eApp } from './harness';
import { bodyText, openStoryWith, paragraphs, stored, waitForSaved } from './helpers/story';

const ORIGINAL = {
  kicker: '株洲新闻',
  headline: '两株企获评国家级绿色工厂',
  source: '株洲日报',
  bylines: [{ role: '记者', name: '李想' }],
  body: paragraphs('株洲市今天召开株洲发展大会,会议强调绿色发展。', '株洲日报记者报道。'),
};

describe('every edit in 留痕 is a suggestion', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ userName: '李编辑', role: 'copy-editor' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('headline (IME), replace-all, lint accept-all and a credit edit are pending suggestions; undo and reject-all hold', async () => {
    const { page } = app;
    const id = await openStoryWith(app, ORIGINAL);
    await page.setViewportSize({ width: 1440, height: 900 });
    if ((await page.locator('[data-testid="review-panel"]').count()) === 0)
      await page.click('[data-testid="open-review"]');
    expect(await page.isChecked('[data-testid="suggest-toggle"]')).toBe(true);
    const items = page.locator('[data-testid="change-item"]');

    // 主题: select 株 after 两 and compose 家 with the IME.
    const headline = page.locator('[data-testid="field-headline"]');
    await headline.click();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await imeType(app.cdp, 'jia', '家');
    await expect.poll(() => headline.inputValue()).toBe('两家企获评国家级绿色工厂');
    // Before this change the panel said 0 处修订待处理 here: the headline was changed silently.
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="marks-headline"] .sg-del').textContent()).toBe('株');
    expect(await page.locator('[data-testid="marks-headline"] .sg-ins').textContent()).toBe('家');
    const first = items.first();
    expect(await first.getAttribute('data-where')).toBe('headline');
    expect(await first.getAttribute('data-kind')).toBe('replace');
    expect(await first.textContent()).toContain('李编辑');

    // Replace-all 株洲 → 湘潭: once in the 引题, three times in the body; one suggestion each, one group.
    await page.locator('[data-testid="story-body"]').click();
    await page.keyboard.press('Control+h');
    await page.fill('[data-testid="find-query"]', '株洲');
    await page.fill('[data-testid="find-replacement"]', '湘潭');
    await page.click('[data-testid="find-replace-all"]');
    await expect.poll(() => page.locator('[data-testid="field-kicker"]').inputValue()).toBe('湘潭新闻');
    await expect.poll(() => items.count()).toBe(5);
    const group = page.locator('[data-testid="change-group"]');
    expect(await group.locator('[data-testid="change-item"]').count()).toBe(4);
    expect(await group.locator('[data-testid="change-item"][data-where="kicker"]').count()).toBe(1);
    expect(await page.locator('[data-testid="marks-kicker"] .sg-del').textContent()).toBe('株洲');

    // Ctrl+Z in the body takes the whole replace-all back, the 引题's replacement with the body's; redo puts it back.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="story-body"]').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="field-kicker"]').inputValue()).toBe('株洲新闻');
    await expect
      .poll(() => bodyText(page))
      .toEqual(['株洲市今天召开株洲发展大会,会议强调绿色发展。', '株洲日报记者报道。']);
    expect(await page.locator('[data-testid="marks-kicker"]').count()).toBe(0);
    await expect.poll(() => items.count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('[data-testid="field-kicker"]').inputValue()).toBe('湘潭新闻');
    await expect.poll(() => items.count()).toBe(5);

    // 校对: accept all half-width punctuation fixes; each is a suggestion (the comma struck, ， beside it).
    await page.click('[data-testid="open-lint"]');
    const lintGroup = page.locator('[data-testid="lint-group"][data-rule="halfwidth-punctuation"]');
    await lintGroup.locator('[data-testid="lint-accept-rule"]').click();
    await expect.poll(() => items.count()).toBe(6);
    const fix = page.locator('[data-testid="change-item"]', { hasText: '，' });
    expect(await fix.getAttribute('data-kind')).toBe('replace');
    expect(await fix.locator('del').textContent()).toBe(',');
    await page.click('[data-testid="lint-close"]');

    // A credit: 李想 → 李响, struck with the new name beside it.
    await page.locator('[data-testid="byline-name"]').first().fill('李响');
    await expect.poll(() => items.count()).toBe(7);
    const credit = page.locator('[data-testid="change-item"][data-where="bylines"]');
    expect(await credit.getAttribute('data-kind')).toBe('replace');
    expect(await page.locator('[data-testid="marks-bylines"] .sg-del').textContent()).toBe('记者 李想');
    expect(await page.locator('[data-testid="suggestion-count"]').textContent()).toContain('7');
    // Ctrl+Z in the credit's own input walks the story's one history too; Ctrl+Shift+Z brings the edit back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => items.count()).toBe(6);
    expect(await page.locator('[data-testid="byline-name"]').first().inputValue()).toBe('李想');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => items.count()).toBe(7);
    expect(await page.locator('[data-testid="byline-name"]').first().inputValue()).toBe('李响');

    await waitForSaved(page);
    const saved = await stored(app, id);
    expect(saved.kicker).toBe('湘潭新闻');
    expect(saved.tracked?.kicker).toBeDefined();
    expect(saved.tracked?.headline).toBeDefined();
    expect(saved.tracked?.bylines).toHaveLength(2);
    expect((saved.changes ?? []).length).toBe(7);
    expect((saved.changes ?? []).every((c) => c.author === '李编辑' && c.at.length > 0)).toBe(true);

    await page.screenshot({ path: '/tmp/track-story.png' });
    await page.locator('[data-testid="review-panel"]').screenshot({ path: '/tmp/track-panel.png' });
    await page.locator('.headline-fields').screenshot({ path: '/tmp/track-fields.png' });
    await page.locator('[data-testid="story-body"]').screenshot({ path: '/tmp/track-body-marks.png' });

    // Reject all: the story as it was, fields and credits included.
    await page.click('[data-testid="reject-all"]');
    await expect.poll(() => items.count()).toBe(0);
    expect(await page.locator('[data-testid="field-kicker"]').inputValue()).toBe(ORIGINAL.kicker);
    expect(await headline.inputValue()).toBe(ORIGINAL.headline);
    expect(await page.locator('[data-testid="byline-name"]').first().inputValue()).toBe('李想');
    await expect
      .poll(() => bodyText(page))
      .toEqual(['株洲市今天召开株洲发展大会,会议强调绿色发展。', '株洲日报记者报道。']);
    await waitForSaved(page);
    await expect
      .poll(async () => {
        const a = await stored(app, id);
        return [a.kicker, a.headline, a.bylines, a.tracked ?? {}, (a.changes ?? []).length];
      })
      .toEqual([ORIGINAL.kicker, ORIGINAL.headline, ORIGINAL.bylines, {}, 0]);
  });
});
