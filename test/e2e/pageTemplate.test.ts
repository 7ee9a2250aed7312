/**
 * One page as a layout template (版式模板) in the browser host: A03 of one issue saved by name, laid onto A04 of
 * a new issue as one undoable step, and refused on a page with a story placed and on the front page's masthead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PagePlanService } from '../../electron/services/pageplan/pagePlanService';
import { startE2eApp, type E2eApp } from './harness';
import { fileFixtureStory } from './helpers/deskStories';
import { gotoDesk } from './helpers/story';

const slot = (s: string) => `[data-testid="fp-slot"][data-slot="${s}"]`;
const sheet = (p: string) => `[data-testid="fp-sheet"][data-page="${p}"]`;

describe('a page layout template', () => {
  let app: E2eApp;
  let plan: PagePlanService;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'layout', userName: '版面编辑' });
    // The first day's plan is made by the same service the app's channels use: A03 split into six slots,
    // one approved story placed on A02.
    plan = new PagePlanService(app.services);
    await plan.createIssue({ date: '2026-12-01', template: '4版' }, '版面编辑');
    await plan.shape(
      '2026-12-01',
      undefined,
      { op: 'split', page: 'A03', slotId: 'A03-1', axis: 'columns' },
      '版面编辑',
    );
    const { id: storyId } = await fileFixtureStory(app, 1, { chars: 500, status: 'approved' });
    await plan.edit(
      '2026-12-01',
      undefined,
      (p) => ({
        ok: true,
        plan: {
          ...p,
          pages: p.pages.map((pg) =>
            pg.label === 'A02'
              ? { ...pg, slots: pg.slots.map((s) => (s.id === 'A02-1' ? { ...s, articleId: storyId } : s)) }
              : pg,
          ),
        },
      }),
      '版面编辑',
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('saves the focused page as a named layout and lays it onto a page of a new issue, one undo step', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector(slot('A03-6'));
    // Focusing a slot on A03 makes A03 the page the bar works on.
    await page.click(slot('A03-2'));
    await expect.poll(() => page.inputValue('[data-testid="fp-page-template-page"]')).toBe('A03');
    await page.click('[data-testid="fp-page-template-open"]');
    await page.fill('[data-testid="fp-page-template-name"]', '三版六条');
    await page.click('[data-testid="fp-page-template-save"]');
    await expect.poll(() => page.textContent('[data-testid="fp-page-template-said"]')).toContain('三版六条');

    await page.fill('[data-testid="new-issue-date"]', '2026-12-02');
    await page.selectOption('[data-testid="new-issue-source"]', 'template:4版');
    await page.click('[data-testid="new-issue-create"]');
    await expect.poll(() => page.inputValue('[data-testid="fp-date"]')).toBe('2026-12-02');
    await page.waitForSelector(slot('A04-5'));
    expect(await page.locator(`${sheet('A04')} [data-testid="fp-slot"]`).count()).toBe(5);

    await page.selectOption('[data-testid="fp-page-template-page"]', 'A04');
    await expect.poll(() => page.inputValue('[data-testid="fp-page-template-pick"]')).toBe('三版六条');
    await page.click('[data-testid="fp-page-template-apply"]');
    await page.waitForSelector(slot('A04-6'));
    expect(await page.textContent('[data-testid="fp-undo"]')).toContain('套用版式');
    await page.locator(sheet('A04')).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/pagetemplate-applied.png' });
    const a03 = (await plan.issueFor('2026-12-01')).pages.find((p) => p.label === 'A03')!.slots;
    const a04 = (await plan.issueFor('2026-12-02')).pages.find((p) => p.label === 'A04')!.slots;
    const shape = (s: (typeof a03)[number]) => [s.col, s.cols, s.line, s.lines, s.headline, s.photos];
    expect(a04.map(shape)).toEqual(a03.map(shape));

    await page.click('[data-testid="fp-undo"]');
    await expect.poll(() => page.locator(slot('A04-6')).count()).toBe(0);
    expect(await page.locator(`${sheet('A04')} [data-testid="fp-slot"]`).count()).toBe(5);
  });

  it('says why it cannot before the click: a page with a story placed, the front page’s masthead band', async () => {
    const { page } = app;
    await page.selectOption('[data-testid="fp-date"]', '2026-12-01');
    await page.waitForSelector(slot('A03-6'));
    await page.selectOption('[data-testid="fp-page-template-page"]', 'A02');
    await expect.poll(() => page.textContent('[data-testid="fp-page-template-why"]')).toContain('A02 版已排稿件');
    expect(await page.isDisabled('[data-testid="fp-page-template-apply"]')).toBe(true);
    // The inside layout starts at line 1: on A01 the masthead rule refuses it, by the pointer's words.
    await page.selectOption('[data-testid="fp-page-template-page"]', 'A01');
    await expect.poll(() => page.textContent('[data-testid="fp-page-template-why"]')).toContain('报头');
    expect(await page.isDisabled('[data-testid="fp-page-template-apply"]')).toBe(true);
    await page.screenshot({ path: '/tmp/pagetemplate-refused.png' });
    // A page it fits: the reason goes and the button can be pressed.
    await page.selectOption('[data-testid="fp-page-template-page"]', 'A04');
    await expect.poll(() => page.locator('[data-testid="fp-page-template-why"]').count()).toBe(0);
    expect(await page.isDisabled('[data-testid="fp-page-template-apply"]')).toBe(false);
    expect((await plan.issueFor('2026-12-01')).revision).toBe(3);
  });

  it('leaves the whole 16-page issue on one 1440 × 900 screen with the bar shown', async () => {
    const { page } = app;
    await page.fill('[data-testid="new-issue-date"]', '2026-12-03');
    await page.selectOption('[data-testid="new-issue-source"]', 'template:16版');
    await page.click('[data-testid="new-issue-create"]');
    await expect.poll(() => page.inputValue('[data-testid="fp-date"]')).toBe('2026-12-03');
    await page.waitForSelector(slot('A16-1'));
    await page.click('[data-testid="fp-zoom-all"]');
    await page.waitForTimeout(300);
    expect(await page.isVisible('[data-testid="fp-page-template"]')).toBe(true);
    const area = (await page.locator('.fp-pages').boundingBox())!;
    for (let n = 1; n <= 16; n++) {
      const box = (await page
        .locator(`[data-testid="fp-page"][data-page="A${String(n).padStart(2, '0')}"]`)
        .boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(Math.min(area.y + area.height, 900) + 1);
    }
    await page.screenshot({ path: '/tmp/pagetemplate-issue.png' });
  });
});
