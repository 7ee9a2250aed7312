/**
 * Every screen passes axe-core with no serious or critical violation: desk, story with its side panels,
 * flatplan, proof, settings, import, revisions, the 撤稿 question and the export step (the panel's refusal until
 * the export dialog lands).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { seriousViolations } from './helpers/axe';

describe('axe-core on every screen', () => {
  let app: E2eApp;
  let date = '';
  beforeAll(async () => {
    app = await startE2eApp({ role: 'chief-editor', userName: '总编' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
    // The app's CSP allows no inline script; axe is injected as one, so the test page alone lifts the CSP.
    await app.cdp.send('Page.setBypassCSP', { enabled: true });
    await app.reopen();
    await app.page.click('[data-testid="load-sample"]');
    await app.page.waitForSelector('[data-testid="story-row"]');
    date = (await app.services.issues.list())[0]!.date;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Screenshots the screen and returns axe's serious and critical findings (asserted after the screen is left). */
  const check = async (name: string) => {
    await app.page.screenshot({ path: `/tmp/keyboard-axe-${name}.png` });
    return seriousViolations(app.page);
  };

  it('desk', async () => {
    expect(await check('desk')).toEqual([]);
  });

  it('desk search', async () => {
    await app.page.fill('[data-testid="search-input"]', '的');
    await app.page.waitForSelector('[data-testid="search-hit"]');
    const found = await check('search');
    await app.page.fill('[data-testid="search-input"]', '');
    expect(found).toEqual([]);
  });

  it('settings', async () => {
    await app.page.click('[data-testid="open-settings"]');
    await app.page.waitForSelector('[data-testid="settings-panel"]');
    const found = await check('settings');
    await app.page.click('[data-testid="settings-panel"] >> text=关闭');
    expect(found).toEqual([]);
  });

  it('import', async () => {
    await app.page.click('[data-testid="import-copy"]');
    await app.page.fill('[data-testid="import-copy-text"]', '本报讯（记者 李想）\n标题：测试稿件\n\n正文第一段。');
    const found = await check('import');
    await app.page.click('[data-testid="import-copy-cancel"]');
    expect(found).toEqual([]);
  });

  it('story with its panels', async () => {
    await app.page.click('[data-testid="story-row"] [data-testid="story-open"]');
    await app.page.waitForSelector('[data-testid="story-body"]');
    if ((await app.page.getAttribute('[data-testid="open-review"]', 'aria-pressed')) !== 'true')
      await app.page.click('[data-testid="open-review"]');
    await app.page.click('[data-testid="open-lint"]');
    await app.page.click('[data-testid="tb-find"]');
    expect(await check('story')).toEqual([]);
  });

  it('revisions and the 撤稿 question', async () => {
    await app.page.keyboard.press('Escape'); // the find bar
    await app.page.click('[data-testid="open-revisions"]');
    await app.page.waitForSelector('[data-testid="revisions-view"]');
    const revisions = await check('revisions');
    await app.page.keyboard.press('Escape');
    await app.page.locator('[data-testid="revisions-view"]').waitFor({ state: 'detached' });
    let spike: Awaited<ReturnType<typeof check>> = [];
    if (await app.page.locator('[data-testid="workflow-spike"]').count()) {
      await app.page.click('[data-testid="workflow-spike"]');
      await app.page.waitForSelector('[data-testid="spike-confirm"]');
      spike = await check('spike-confirm');
      await app.page.keyboard.press('Escape');
    }
    expect(revisions).toEqual([]);
    expect(spike).toEqual([]);
  });

  it('flatplan', async () => {
    await app.page.evaluate((d) => (location.hash = `#/flatplan/${d}`), date);
    await app.page.waitForSelector('[data-testid="fp-slot"]');
    await app.page.waitForSelector('[data-testid="fp-stories"]', { state: 'attached' });
    expect(await check('flatplan')).toEqual([]);
  });

  it('export', async () => {
    await app.page.click('[data-testid="export-start"]');
    await app.page.waitForSelector(
      '[data-testid="export-dialog"], [data-testid="export-refused"], [data-testid="export-done"], [data-testid="export-failed"]',
      { timeout: 60_000 },
    );
    expect(await check('export')).toEqual([]);
  });

  it('proof', async () => {
    await app.page.evaluate((d) => (location.hash = `#/proof/${d}/A01`), date);
    await app.page.waitForSelector('[data-testid="proof-fits"][data-measured="yes"]', { timeout: 30_000 });
    expect(await check('proof')).toEqual([]);
  });
});
