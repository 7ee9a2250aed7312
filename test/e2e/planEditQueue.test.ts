/**
 * Two layout edits made quickly against a slow save: the second, made while the first is still saving, is
 * applied after it (none dropped), and each is one undo step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk } from './helpers/story';

const slot = (s: string) => `[data-testid="fp-slot"][data-slot="${s}"]`;
const a03Slots = (app: E2eApp) =>
  app.services.issues.get('i-2026-12-01').then((p) => p.pages.find((x) => x.label === 'A03')!.slots.map((s) => s.id));

describe('plan edits made while one saves', () => {
  let app: E2eApp;
  let slow = false;
  beforeAll(async () => {
    // Each shape edit reaches the service 1.2 s late once `slow` is on: the save itself is the real one.
    app = await startE2eApp({ role: 'layout', userName: '版面编辑' }, undefined, {
      delayCall: (channel) => (slow && channel === 'pageplan.shape' ? 1200 : 0),
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('applies both of two slot deletions made a moment apart, and undoes them one at a time', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.fill('[data-testid="new-issue-date"]', '2026-12-01');
    await page.selectOption('[data-testid="new-issue-source"]', 'template:4版');
    await page.click('[data-testid="new-issue-create"]');
    await page.waitForSelector(slot('A03-2'));
    const before = await a03Slots(app);
    expect(before).toEqual(expect.arrayContaining(['A03-1', 'A03-2']));

    slow = true;
    await page.click(slot('A03-1'));
    await page.keyboard.press('Shift+Delete');
    // The first is still saving (1.2 s) when the second is made.
    await page.click(slot('A03-2'));
    await page.keyboard.press('Shift+Delete');
    expect(await a03Slots(app)).toEqual(before);

    await expect
      .poll(() => a03Slots(app), { timeout: 10_000 })
      .toEqual(before.filter((s) => s !== 'A03-1' && s !== 'A03-2'));
    await expect.poll(() => page.locator(`${slot('A03-1')}, ${slot('A03-2')}`).count()).toBe(0);
    expect(await page.locator('[data-testid="fp-error"]').count()).toBe(0);

    // Two steps: the first undo brings back A03-2 only, the second A03-1.
    slow = false;
    await page.click('[data-testid="fp-undo"]');
    await page.waitForSelector(slot('A03-2'));
    expect(await page.locator(slot('A03-1')).count()).toBe(0);
    await page.click('[data-testid="fp-undo"]');
    await page.waitForSelector(slot('A03-1'));
    expect(await a03Slots(app)).toEqual(before);
  });

  it('moves a slot two lines for two quick Alt+↑ presses, the second worked out from where the first left it', async () => {
    const { page } = app;
    // A03-1 and A03-2 above it are gone (the first test's undo is done, and they are deleted again here).
    slow = false;
    for (const id of ['A03-1', 'A03-2']) {
      await page.click(slot(id));
      await page.keyboard.press('Shift+Delete');
      await expect.poll(() => page.locator(slot(id)).count()).toBe(0);
    }
    const lineOf = async () =>
      (await app.services.issues.get('i-2026-12-01')).pages
        .find((x) => x.label === 'A03')!
        .slots.find((s) => s.id === 'A03-3')!.line;
    expect(await lineOf()).toBe(44);
    slow = true;
    await page.click(slot('A03-3'));
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => lineOf(), { timeout: 10_000 }).toBe(42);
    slow = false;
    expect(await page.locator('[data-testid="fp-error"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="fp-undo"]')).toContain('移动版位');
  });
});
