/** The page plan end to end: create an issue, drag stories into slots, see the fill, the proof's overset, and reload. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { fileFixtureStory } from './helpers/deskStories';
import { gotoDesk } from './helpers/story';

const DATE = '2026-12-01';

describe('page plan', () => {
  let app: E2eApp;
  const ids: string[] = [];
  beforeAll(async () => {
    app = await startE2eApp({ role: 'layout', userName: '版面编辑' });
    // A story that fits its slot, one far too long for it, and one not yet approved.
    for (const [n, chars, status] of [
      [1, 400, 'approved'],
      [0, 2600, 'approved'],
      [2, 300, 'edited'],
    ] as const) {
      ids.push((await fileFixtureStory(app, n, { chars, status })).id);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const slot = (s: string) => `[data-testid="fp-slot"][data-slot="${s}"]`;

  it('creates an issue, places stories by drag and drop and keyboard, and shows the fill', async () => {
    const { page } = app;
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="flatplan"]');
    await page.fill('[data-testid="new-issue-date"]', DATE);
    await page.fill('[data-testid="new-issue-number"]', '23456');
    await page.selectOption('[data-testid="new-issue-source"]', 'template:4版');
    await page.click('[data-testid="new-issue-create"]');
    await expect.poll(() => page.textContent('[data-testid="fp-meta"]')).toContain('第 23456 期 · 4 版');
    expect(await page.locator('[data-testid="fp-page"]').count()).toBe(4);
    expect(await page.getAttribute(slot('A01-2'), 'data-fill')).toBe('0');

    await page.dragAndDrop(`[data-testid="fp-story"][data-id="${ids[0]}"]`, slot('A01-2'));
    await expect.poll(() => page.getAttribute(slot('A01-2'), 'data-article')).toBe(ids[0]);
    await expect.poll(() => page.getAttribute(slot('A01-2'), 'data-fill')).toBe('400');
    expect(await page.textContent(`${slot('A01-2')} [data-testid="fp-fill"]`)).toMatch(/^400\/\d+字\d+\/\d+行(估算)?$/);

    await page.dragAndDrop(`[data-testid="fp-story"][data-id="${ids[1]}"]`, slot('A01-3'));
    await expect.poll(() => page.getAttribute(slot('A01-3'), 'data-article')).toBe(ids[1]);
    await page.locator(`${slot('A01-3')} [data-testid="problem-overset"]`).waitFor();

    // Keyboard: pick the unapproved story with Space (the pool shows approved stories until 全部 is chosen),
    // go to A02-1 with the arrows (→ to A02-3 beside A01-5 at the foot, ↑ to A02-1 above it), drop with Enter.
    await page.selectOption('[data-testid="fp-pool-status"]', 'all');
    await page.focus(`[data-testid="fp-story"][data-id="${ids[2]}"]`);
    await page.keyboard.press('Space');
    await page.focus(slot('A01-5'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute(slot('A02-1'), 'data-article')).toBe(ids[2]);
    await page.locator(`${slot('A02-1')} [data-testid="problem-not_approved"]`).waitFor();

    // Alt while dropping a placed story on another page sets its second part (转版) with both jump lines.
    await page.keyboard.down('Alt');
    await page.dragAndDrop(slot('A01-2'), slot('A02-3'));
    await page.keyboard.up('Alt');
    await expect.poll(() => page.getAttribute(slot('A02-3'), 'data-article')).toBe(ids[0]);
    expect(await page.textContent(`${slot('A01-2')} .fp-jump`)).toBe('（下转A2版）');
    expect(await page.textContent(`${slot('A02-3')} .fp-jump`)).toBe('（上接A1版）');
    await page.click('[data-testid="fp-undo"]');
    await expect.poll(() => page.getAttribute(slot('A02-3'), 'data-article')).toBe('');

    // Undo takes the last placing back.
    await page.click('[data-testid="fp-undo"]');
    await expect.poll(() => page.getAttribute(slot('A02-1'), 'data-article')).toBe('');
    // The slot empties when the plan is saved; the story's own placement is cleared just after it.
    await expect.poll(async () => (await app.services.articles.get(ids[2]!)).placement).toBeNull();

    const placed = await app.services.articles.get(ids[0]!);
    expect(placed.placement).toMatchObject({ issueDate: DATE, page: 'A01', slotId: 'A01-2' });
    expect(placed.status).toBe('placed');

    await page.check('[data-testid="fp-problems-only"]');
    expect(await page.locator('[data-testid="fp-slot"].is-dimmed').count()).toBeGreaterThan(0);
    await page.uncheck('[data-testid="fp-problems-only"]');
    await page.screenshot({ path: '/tmp/newsdesk-flatplan.png' });
  });

  it('updates live when a story is saved elsewhere', async () => {
    const { page } = app;
    const a = await app.services.articles.get(ids[0]!);
    await app.services.articles.update(a.id, a.revision, '别处', (x) => ({ ...x, body: x.body.slice(0, 1) }));
    await expect.poll(() => page.getAttribute(slot('A01-2'), 'data-fill')).not.toBe('400');
  });

  it('opens the page proof with the overset story marked by lines and characters', async () => {
    const { page } = app;
    await page.click('[data-testid="fp-page"][data-page="A01"] [data-testid="fp-open-proof"]');
    await page.waitForSelector('[data-testid="proof-fits"][data-measured="yes"]', { timeout: 30_000 });
    const over = page.locator('[data-testid="proof-fit"][data-slot="A01-3"]');
    expect(Number(await over.getAttribute('data-overset-lines'))).toBeGreaterThan(0);
    expect(Number(await over.getAttribute('data-overset-chars'))).toBeGreaterThan(0);
    // The mark on the page itself, inside the proof's shadow root.
    await expect
      .poll(() => page.locator('.np-slot[data-slot="A01-3"] .np-fit-over').textContent())
      .toMatch(/^超 \d+ 行 \d+ 字/);
    await page.screenshot({ path: '/tmp/newsdesk-proof-screen.png' });
  });

  it('finds the plan, the placements and the overset again after a reload', async () => {
    const { page } = app;
    await app.reopen();
    await page.evaluate(() => (location.hash = '#/flatplan/2026-12-01'));
    await page.waitForSelector(slot('A01-2'));
    await expect.poll(() => page.getAttribute(slot('A01-2'), 'data-article')).toBe(ids[0]);
    expect(await page.getAttribute(slot('A01-3'), 'data-article')).toBe(ids[1]);
    expect(await page.textContent('[data-testid="fp-meta"]')).toContain('第 23456 期');
    await page.evaluate(() => (location.hash = '#/proof/2026-12-01/A01'));
    await page.waitForSelector('[data-testid="proof-fits"][data-measured="yes"]', { timeout: 30_000 });
    expect(
      Number(await page.getAttribute('[data-testid="proof-fit"][data-slot="A01-3"]', 'data-overset-lines')),
    ).toBeGreaterThan(0);
  });
});
