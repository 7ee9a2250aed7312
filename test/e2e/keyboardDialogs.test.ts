/** Dialogs from the keyboard: Escape closes 设置 and 导入来稿, Tab stays inside, the file button is reachable, 撤稿 asks in the app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk, newStory } from './helpers/story';

/** Whether the focused element is inside the element with this test id. */
const focusInside = (page: Page, testId: string) =>
  page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);

describe('dialogs from the keyboard', () => {
  let app: E2eApp;
  const nativeDialogs: string[] = [];
  beforeAll(async () => {
    app = await startE2eApp({ role: 'chief-editor', userName: '总编' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
    app.page.on('dialog', (d) => {
      nativeDialogs.push(d.message());
      void d.dismiss();
    });
    await gotoDesk(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('closes 设置 on Escape and keeps Tab inside it', async () => {
    const { page } = app;
    await page.click('[data-testid="open-settings"]');
    await page.waitForSelector('[data-testid="settings-panel"]');
    expect(await focusInside(page, 'settings-panel')).toBe(true);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await focusInside(page, 'settings-panel'), `after Tab ${i + 1}`).toBe(true);
    }
    await page.screenshot({ path: '/tmp/keyboard-settings.png' });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="settings-panel"]').waitFor({ state: 'detached', timeout: 2000 });
    // Focus goes back to the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-settings');
  });

  it('reaches the file button of 导入来稿 by Tab, opens the picker with Enter, and closes on Escape', async () => {
    const { page } = app;
    // Listen before anything is pressed: Playwright turns on the browser's file-chooser interception when the
    // first listener is added, and an Enter racing that switch opened the native picker instead (CI, once).
    const chooserShown = page.waitForEvent('filechooser', { timeout: 30_000 });
    await page.click('[data-testid="import-copy"]');
    await page.waitForSelector('[data-testid="import-copy-dialog"]');
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, 'import-copy-dialog')).toBe(true);
      reached =
        (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'import-copy-pick-file';
    }
    expect(reached).toBe(true);
    await page.screenshot({ path: '/tmp/keyboard-import.png' });
    await page.keyboard.press('Enter');
    const chooser = await chooserShown;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([]);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="import-copy-dialog"]').waitFor({ state: 'detached', timeout: 2000 });
  });

  it('asks before 撤稿 in the app’s own dialog, where Escape says no', async () => {
    const { page } = app;
    await newStory(page);
    await page.click('[data-testid="workflow-spike"]');
    await page.waitForSelector('[data-testid="spike-confirm"]');
    expect(await focusInside(page, 'spike-confirm')).toBe(true);
    await page.screenshot({ path: '/tmp/keyboard-spike.png' });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="spike-confirm"]').waitFor({ state: 'detached', timeout: 2000 });
    expect(await page.getAttribute('[data-testid="story-status"]', 'class')).not.toContain('status-spiked');

    await page.click('[data-testid="workflow-spike"]');
    await page.click('[data-testid="spike-confirm"] [data-testid="confirm-ok"]');
    await expect.poll(() => page.getAttribute('[data-testid="story-status"]', 'class')).toContain('status-spiked');
    expect(nativeDialogs).toEqual([]);
  });
});
