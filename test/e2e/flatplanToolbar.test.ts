/**
 * The flatplan's top bar keeps each item on one line (the issue's 期 · 版 · 版面修订号 above all) at 1440 × 900
 * and narrower, wrapping whole items instead. The 1440 × 900 screenshot of the whole issue is the README tour's
 * docs/tour/layout-issue.png: retake it by copying /tmp/layout-issue-tour.png over it after this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PagePlanService } from '../../electron/services/pageplan/pagePlanService';
import { startE2eApp, type E2eApp } from './harness';
import { fileFixtureStory } from './helpers/deskStories';
import { gotoDesk } from './helpers/story';

const DATE = '2026-12-03';
// Each story's length against its slot's target: most fit, one runs over and one falls short on each page.
const FILL = [0.85, 0.8, 1.25, 0.75, 0.5];

/**
 * The bar's items whose text runs onto a second line. The keyboard hint is prose and may wrap in its own box;
 * every other item (a label with its control, the issue line, a button) must not.
 */
async function wrappedItems(page: Page): Promise<string[]> {
  return page.$$eval('.fp-bar-top > :not(.hint)', (items) =>
    items
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el.textContent ?? '').trim() !== '')
      .filter((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        // A select or a button beside its label sits on the same line; two text lines are two tops apart.
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
        const spread = Math.max(...tops) - Math.min(...tops);
        return spread > lineHeight * 0.9;
      })
      .map((el) => (el.textContent ?? '').trim().slice(0, 30)),
  );
}

describe('the flatplan’s top bar', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'layout', userName: '版面编辑' });
    // A 16-page issue with five stories on every page, placed in one plan edit (as a desk copying the day would).
    const plan = new PagePlanService(app.services);
    const issue = await plan.createIssue({ date: DATE, template: '16版' }, '版面编辑');
    const targets = issue.pages.flatMap((p) => p.slots.map((s) => s.targetChars));
    const ids: string[] = [];
    for (const [n, target] of targets.entries()) {
      const chars = Math.round(target * FILL[n % FILL.length]!);
      ids.push((await fileFixtureStory(app, n, { chars, status: 'approved' })).id);
    }
    await plan.edit(
      DATE,
      undefined,
      (p) => ({
        ok: true,
        plan: {
          ...p,
          pages: p.pages.map((pg, i) => ({
            ...pg,
            slots: pg.slots.map((s, j) => ({ ...s, articleId: ids[i * pg.slots.length + j] })),
          })),
        },
      }),
      '版面编辑',
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the whole issue at 1440 × 900 with every bar item on one line', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await gotoDesk(page);
    await page.evaluate((d) => (location.hash = `#/flatplan/${d}`), DATE);
    await page.waitForSelector('[data-testid="fp-slot"][data-slot="A16-5"]');
    await page.click('[data-testid="fp-zoom-all"]');
    await page.focus('[data-testid="fp-slot"][data-slot="A01-1"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/layout-issue-tour.png' });
    expect(await page.textContent('[data-testid="fp-meta"]')).toBe('第 1 期 · 16 版 · 版面修订号 2');
    expect(await wrappedItems(page)).toEqual([]);
  });

  for (const width of [1280, 1024]) {
    it(`keeps every bar item on one line at ${width} wide`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `/tmp/flatplan-bar-${width}.png`, clip: { x: 0, y: 0, width, height: 200 } });
      expect(await wrappedItems(page)).toEqual([]);
    });
  }
});
