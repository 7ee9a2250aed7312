/**
 * The story screen at 1440 × 900 with 修订 and 校对 both open: the panels share one column as tabs and the
 * editor keeps at least 640 px, the 引题 shows whole; 查找替换 opens with the replace field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { newStory } from './helpers/story';

describe('story screen width and find', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'copy-editor', userName: '编辑' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await app?.close();
  });

  const width = (selector: string) => app.page.$eval(selector, (el) => Math.round(el.getBoundingClientRect().width));

  it('keeps the editor at least 640 px wide with 修订 and 校对 open, as tabs', async () => {
    const { page } = app;
    await newStory(page);
    const kicker = '为民办实事 · 城市更新系列报道之三';
    await page.fill('[data-testid="field-kicker"]', kicker);
    if ((await page.getAttribute('[data-testid="open-review"]', 'aria-pressed')) !== 'true')
      await page.click('[data-testid="open-review"]');
    await page.click('[data-testid="open-lint"]');
    await page.waitForSelector('[data-testid="lint-panel"]');
    await page.screenshot({ path: '/tmp/keyboard-story-panels.png' });

    const editor = await width('[data-testid="story-body"]');
    expect(editor).toBeGreaterThanOrEqual(640);
    // The 引题 is not cut: its text fits the field it is typed in.
    const fits = await page.$eval('[data-testid="field-kicker"]', (el) => {
      const input = el as HTMLInputElement;
      return input.scrollWidth <= input.clientWidth;
    });
    expect(fits).toBe(true);

    // Both panels are tabs of one column; the last opened (校对) is in front, 修订 a click or arrow away.
    expect(await page.getAttribute('[data-testid="side-tab-lint"]', 'aria-selected')).toBe('true');
    await page.focus('[data-testid="side-tab-lint"]');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('[data-testid="side-tab-review"]', 'aria-selected')).toBe('true');
    expect(await page.isVisible('[data-testid="lint-panel"]')).toBe(false);
    expect(await width('[data-testid="story-body"]')).toBe(editor);
  });

  it('opens 查找替换 with the replace field showing', async () => {
    const { page } = app;
    await page.click('[data-testid="tb-find"]');
    await page.waitForSelector('[data-testid="find-bar"]');
    expect(await page.isVisible('[data-testid="find-replacement"]')).toBe(true);
    expect(await page.isVisible('[data-testid="find-replace-all"]')).toBe(true);
    await page.screenshot({ path: '/tmp/keyboard-story-find.png' });
  });
});
