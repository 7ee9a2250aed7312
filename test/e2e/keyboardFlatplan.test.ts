/**
 * The flatplan from the keyboard and for layout at scale: arrows move by position on the page, the story pool
 * is filtered by status (approved first) with a search, and the plan's 撤销 survives a visit to the proof and
 * a story opened from it, which offers 返回大样.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../shared/model/status';
import { startE2eApp, type E2eApp } from './harness';
import { fileFixtureStory } from './helpers/deskStories';
import { gotoDesk } from './helpers/story';

const DATE = '2026-12-02';
const slot = (s: string) => `[data-testid="fp-slot"][data-slot="${s}"]`;
const focusedSlot = (app: E2eApp) => app.page.evaluate(() => document.activeElement?.getAttribute('data-slot'));

describe('flatplan keyboard and pool', () => {
  let app: E2eApp;
  const ids: { id: string; status: ArticleStatus; headline: string }[] = [];
  beforeAll(async () => {
    app = await startE2eApp({ role: 'layout', userName: '版面编辑' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
    // Drafts saved last, so newest-first order alone would show them above the approved stories.
    for (const [n, status] of [
      [0, 'approved'],
      [1, 'approved'],
      [2, 'edited'],
      [3, 'draft'],
      [4, 'draft'],
    ] as const) {
      const a = await fileFixtureStory(app, n, { chars: 300, status, headline: (h) => `${h}${n}` });
      ids.push({ id: a.id, status, headline: a.headline });
    }
    const { page } = app;
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="flatplan"]');
    await page.fill('[data-testid="new-issue-date"]', DATE);
    await page.fill('[data-testid="new-issue-number"]', '100');
    await page.selectOption('[data-testid="new-issue-source"]', 'template:4版');
    await page.click('[data-testid="new-issue-create"]');
    await page.waitForSelector(slot('A02-5'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('moves with the arrows to the slot in that direction on the page, not the next in order', async () => {
    const { page } = app;
    // A01: 1 across the top; 2 (left) and 3 (right) under it; 4 (left) and 5 (right) at the foot.
    await page.focus(slot('A01-2'));
    await page.keyboard.press('ArrowDown');
    expect(await focusedSlot(app)).toBe('A01-4'); // in order it would be A01-3, beside it
    await page.keyboard.press('ArrowRight');
    expect(await focusedSlot(app)).toBe('A01-5');
    await page.keyboard.press('ArrowUp');
    expect(await focusedSlot(app)).toBe('A01-3');
    await page.keyboard.press('ArrowUp');
    expect(await focusedSlot(app)).toBe('A01-1');
    await page.keyboard.press('ArrowUp');
    expect(await focusedSlot(app)).toBe('A01-1'); // nothing above
    // Across to A02 at the same height: its lead (0–44 lines) sits beside A01-1.
    await page.keyboard.press('ArrowRight');
    expect(await focusedSlot(app)).toBe('A02-1');
    await page.keyboard.press('ArrowDown');
    expect(await focusedSlot(app)).toBe('A02-3');
    await page.screenshot({ path: '/tmp/keyboard-flatplan-arrows.png' });
  });

  it('lists approved stories first in the pool, filters by status and finds by headline', async () => {
    const { page } = app;
    const shown = () => page.$$eval('[data-testid="fp-story"]', (els) => els.map((e) => e.getAttribute('data-id')));
    const approved = ids.filter((s) => s.status === 'approved').map((s) => s.id);
    await expect.poll(async () => (await shown()).sort()).toEqual([...approved].sort());
    await page.screenshot({ path: '/tmp/keyboard-pool-approved.png' });

    await page.selectOption('[data-testid="fp-pool-status"]', 'all');
    await expect.poll(async () => (await shown()).length).toBe(5);
    const order = await shown();
    expect(order.slice(0, 2).sort()).toEqual([...approved].sort());
    expect(order[2]).toBe(ids[2]!.id); // edited before the drafts

    await page.selectOption('[data-testid="fp-pool-status"]', 'draft');
    await expect.poll(async () => (await shown()).length).toBe(2);

    await page.selectOption('[data-testid="fp-pool-status"]', 'all');
    await page.fill('[data-testid="fp-pool-search"]', ids[3]!.headline);
    await expect.poll(shown).toEqual([ids[3]!.id]);
    await page.screenshot({ path: '/tmp/keyboard-pool-search.png' });
    await page.fill('[data-testid="fp-pool-search"]', '');
    await page.selectOption('[data-testid="fp-pool-status"]', 'approved');
  });

  it('keeps the plan’s 撤销 across proof → story → 返回大样 → 版面', async () => {
    const { page } = app;
    const story = ids[0]!.id;
    await page.dragAndDrop(`[data-testid="fp-story"][data-id="${story}"]`, slot('A01-2'));
    await expect.poll(() => page.getAttribute(slot('A01-2'), 'data-article')).toBe(story);
    await expect.poll(() => page.isEnabled('[data-testid="fp-undo"]')).toBe(true);

    await page.click('[data-testid="fp-page"][data-page="A01"] [data-testid="fp-open-proof"]');
    await page.waitForSelector('[data-testid="proof-fits"]');
    await page.click(`[data-testid="proof-fit"] .link-btn`);
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${story}"]`);
    await page.screenshot({ path: '/tmp/keyboard-story-from-proof.png' });
    await page.click('[data-testid="back-to-proof"]');
    await page.waitForSelector('[data-testid="proof-screen"]');
    // The page list comes with the proof's data: until it arrives the select has no option to show.
    await expect.poll(() => page.inputValue('[data-testid="proof-page"]')).toBe('A01');
    await page.click('[data-testid="proof-back"]');
    await page.waitForSelector(slot('A01-2'));
    await expect.poll(() => page.isEnabled('[data-testid="fp-undo"]')).toBe(true);
    await page.click('[data-testid="fp-undo"]');
    await expect.poll(() => page.getAttribute(slot('A01-2'), 'data-article')).toBe('');
  });
});
