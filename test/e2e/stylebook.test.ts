/**
 * The house style book on screen: the chief editor adds an entry in settings, and the open check
 * panel applies it at once (stylebook.saved), each finding naming its source; a dismissal is
 * remembered for the story after the app is reopened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { bodyText, gotoDesk, openStoryWith } from './helpers/story';

describe('the house style book', () => {
  let app: E2eApp;
  let id: string;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'chief-editor', userName: '王总编' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the check panel shows 繁简 and GB/T 15835 findings with their sources', async () => {
    const { page } = app;
    id = await openStoryWith(app, {
      headline: '我市重大項目集中开工',
      bylines: [{ role: '记者', name: '周嵩' }],
      body: [
        { type: 'paragraph', children: [{ text: '24年3月29日上午，687个重大项目集中开工，其它企业按装了设备。' }] },
        { type: 'paragraph', children: [{ text: '年度计划投资增长15～30%，推動产业发展的的目标。' }] },
      ],
    });
    await page.click('[data-testid="open-lint"]');
    const groups = page.locator('[data-testid="lint-group"]');
    await expect
      .poll(async () => groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))))
      .toEqual(['traditional-character', 'number-form', 'repeated-across-break']);
    const sources = await page.locator('[data-testid="lint-source"]').allTextContents();
    expect(sources).toContain('依据：OpenCC TSCharacters');
    expect(sources.some((s) => s.startsWith('依据：GB/T 15835-2011 年月日'))).toBe(true);
    await page.screenshot({ path: '/tmp/stylebook-lint-panel.png' });
  });

  it('an entry the chief editor adds in settings is applied by the open panel without a restart', async () => {
    const { page } = app;
    await page.click('[data-testid="open-settings"]');
    const section = page.locator('[data-testid="stylebook-section"]');
    await section.waitFor();
    for (const [wrong, right] of [
      ['其它', '其他'],
      ['按装', '安装'],
    ]) {
      await section.locator('[data-testid="stylebook-add"]').click();
      await section.locator('[data-testid="stylebook-wrong"]').first().fill(wrong!);
      await section.locator('[data-testid="stylebook-right"]').first().fill(right!);
    }
    await section.locator('[data-testid="stylebook-save"]').click();
    await expect.poll(() => page.textContent('[data-testid="stylebook-message"]')).toContain('用语规范已保存');
    await page.screenshot({ path: '/tmp/stylebook-settings.png' });
    const saved = await app.services.stylebook.get();
    expect(saved.entries.map((e) => [e.wrong, e.right])).toEqual([
      ['按装', '安装'],
      ['其它', '其他'],
    ]);

    // A CSV with a bad row is refused by line and leaves the table as it was.
    await section.locator('[data-testid="stylebook-import"]').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('错误写法,正确写法,原因,级别,范围,例外\n的,地,,必改,子串,\n坏,好,,很重要,,\n'),
    });
    await expect
      .poll(() => page.textContent('[data-testid="stylebook-message"]'))
      .toContain('第 3 行：级别“很重要”应为 必改、建议 或 保留');
    expect(await section.locator('[data-testid="stylebook-row"]').count()).toBe(2);

    await page.click('[data-testid="settings-save"]');
    await page.locator('[data-testid="settings-panel"]').waitFor({ state: 'detached' });

    const group = page.locator('[data-testid="lint-group"][data-rule="stylebook"]');
    await expect.poll(() => group.locator('[data-testid="lint-item"]').count()).toBe(2);
    expect(await group.locator('[data-testid="lint-source"]').allTextContents()).toEqual([
      '依据：本报用语规范：其它 → 其他',
      '依据：本报用语规范：按装 → 安装',
    ]);
    await group.locator('[data-testid="lint-accept-rule"]').click();
    await expect.poll(async () => (await bodyText(page))[0]).toContain('其他企业安装了设备');
  });

  it('a dismissed finding stays dismissed for the story after the app is reopened', async () => {
    const { page } = app;
    const repeat = page.locator(
      '[data-testid="lint-group"][data-rule="repeated-across-break"] [data-testid="lint-ignore"]',
    );
    await repeat.click();
    await expect.poll(() => page.locator('[data-testid="lint-dismissed"]').textContent()).toContain('已忽略 1 条');
    await app.reopen();
    await gotoDesk(page);
    await page.evaluate((storyId) => {
      location.hash = `#/story/${storyId}`;
    }, id);
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${id}"]`);
    await page.click('[data-testid="open-lint"]');
    await page.locator('[data-testid="lint-group"]').first().waitFor();
    await expect.poll(() => page.locator('[data-testid="lint-dismissed"]').textContent()).toContain('已忽略 1 条');
    expect(await page.locator('[data-testid="lint-group"][data-rule="repeated-across-break"]').count()).toBe(0);
  });
});
