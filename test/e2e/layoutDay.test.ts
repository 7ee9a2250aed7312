/**
 * A layout editor's day in the browser host: a template made from a page cleared by hand, a new issue from it,
 * five slots drawn on A03, five approved stories placed, an overset fixed by resizing its slot, a story
 * continued onto A04, the proof, the whole issue at a glance, and the export.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { startE2eApp, type E2eApp } from './harness';
import { fileFixtureStory } from './helpers/deskStories';
import { gotoDesk } from './helpers/story';

const COLUMNS = 8;
const LINES = 102;
const slot = (s: string) => `[data-testid="fp-slot"][data-slot="${s}"]`;
const sheet = (p: string) => `[data-testid="fp-sheet"][data-page="${p}"]`;

/** The screen point of a grid position (column, line boundary) on a page's sheet. */
async function at(page: Page, label: string, col: number, line: number) {
  const box = (await page.locator(sheet(label)).boundingBox())!;
  return { x: box.x + (col / COLUMNS) * box.width, y: box.y + (line / LINES) * box.height };
}

/** Draws a slot over columns [c0, c1) and lines [l0, l1) by dragging from cell to cell. */
async function draw(page: Page, label: string, c0: number, l0: number, c1: number, l1: number) {
  await page.locator(sheet(label)).scrollIntoViewIfNeeded();
  const a = await at(page, label, c0 + 0.5, l0 + 0.5);
  const b = await at(page, label, c1 - 0.5, l1 - 0.5);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
}

describe('the layout day', () => {
  let app: E2eApp;
  const ids: string[] = [];
  beforeAll(async () => {
    app = await startE2eApp({ role: 'layout', userName: '版面编辑' });
    // A lead long enough to jump, three that fit, and one too long for the slot first drawn for it.
    for (const [n, chars] of [
      [0, 3000],
      [1, 1000],
      [2, 700],
      [3, 700],
      [4, 600],
    ] as const)
      ids.push((await fileFixtureStory(app, n, { chars, status: 'approved' })).id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('makes a template with a blank A03 and opens a new issue from it', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="flatplan"]');
    await page.fill('[data-testid="new-issue-date"]', '2026-12-01');
    await page.selectOption('[data-testid="new-issue-source"]', 'template:4版');
    await page.click('[data-testid="new-issue-create"]');
    await page.waitForSelector(slot('A03-1'));
    // Clear A03: select each slot and delete it (Shift+Delete), one undo step each.
    for (let i = 1; i <= 5; i++) {
      await page.click(slot(`A03-${i}`));
      await page.keyboard.press('Shift+Delete');
      await expect.poll(() => page.locator(slot(`A03-${i}`)).count()).toBe(0);
    }
    // Undo brings the last one back, and redoing the delete by the toolbar takes it away again.
    expect(await page.textContent('[data-testid="fp-undo"]')).toContain('删除版位');
    await page.click('[data-testid="fp-undo"]');
    await page.waitForSelector(slot('A03-5'));
    await page.click(slot('A03-5'));
    await page.click('[data-testid="fp-delete-slot"]');
    await expect.poll(() => page.locator(`${sheet('A03')} [data-testid="fp-slot"]`).count()).toBe(0);

    await page.click('[data-testid="fp-template-open"]');
    await page.fill('[data-testid="fp-template-name"]', '三版留白');
    await page.click('[data-testid="fp-template-save"]');
    await expect.poll(() => page.textContent('[data-testid="fp-template-said"]')).toContain('三版留白');

    await page.fill('[data-testid="new-issue-date"]', '2026-12-02');
    await page.focus('[data-testid="new-issue-source"]');
    await expect.poll(() => page.locator('option[value="template:三版留白"]').count()).toBe(1);
    await page.selectOption('[data-testid="new-issue-source"]', 'template:三版留白');
    await page.click('[data-testid="new-issue-create"]');
    await expect.poll(() => page.inputValue('[data-testid="fp-date"]')).toBe('2026-12-02');
    await page.waitForSelector(slot('A04-1'));
    expect(await page.locator(`${sheet('A03')} [data-testid="fp-slot"]`).count()).toBe(0);
  });

  it('draws five slots on A03, refusing one over another with the reason at the pointer', async () => {
    const { page } = app;
    await page.click('[data-testid="fp-zoom-4"]');
    await draw(page, 'A03', 0, 0, 8, 36);
    await page.waitForSelector(slot('A03-1'));
    // A slot dragged over the lead: the ghost is refused and the reason shows by the pointer.
    await page.locator(sheet('A03')).scrollIntoViewIfNeeded();
    const a = await at(page, 'A03', 0.5, 40.5);
    const b = await at(page, 'A03', 3.5, 20.5);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await expect.poll(() => page.textContent('[data-testid="fp-refusal"]')).toContain('与版位 A03-1 重叠');
    await page.screenshot({ path: '/tmp/layout-refused.png' });
    await page.mouse.up();
    expect(await page.locator(`${sheet('A03')} [data-testid="fp-slot"]`).count()).toBe(1);

    await draw(page, 'A03', 0, 36, 5, 72);
    await page.waitForSelector(slot('A03-2'));
    await draw(page, 'A03', 5, 36, 8, 56);
    await page.waitForSelector(slot('A03-3'));
    await draw(page, 'A03', 0, 72, 4, 102);
    await page.waitForSelector(slot('A03-4'));
    await draw(page, 'A03', 4, 72, 8, 102);
    await page.waitForSelector(slot('A03-5'));
    const plan = await app.services.issues.get('i-2026-12-02');
    const a03 = plan.pages
      .find((p) => p.label === 'A03')!
      .slots.map(({ id, col, cols, line, lines }) => ({
        id,
        col,
        cols,
        line,
        lines,
      }));
    expect(a03).toEqual([
      { id: 'A03-1', col: 0, cols: 8, line: 0, lines: 36 },
      { id: 'A03-2', col: 0, cols: 5, line: 36, lines: 36 },
      { id: 'A03-3', col: 5, cols: 3, line: 36, lines: 20 },
      { id: 'A03-4', col: 0, cols: 4, line: 72, lines: 30 },
      { id: 'A03-5', col: 4, cols: 4, line: 72, lines: 30 },
    ]);
  });

  it('places five approved stories, then fixes an overset by pulling its slot’s bottom edge', async () => {
    const { page } = app;
    for (const [i, s] of ['A03-1', 'A03-2', 'A03-3', 'A03-4', 'A03-5'].entries()) {
      await page.dragAndDrop(`[data-testid="fp-story"][data-id="${ids[i]}"]`, slot(s));
      await expect.poll(() => page.getAttribute(slot(s), 'data-article')).toBe(ids[i]);
    }
    await page.locator(`${slot('A03-3')} [data-testid="problem-overset"]`).waitFor();
    await page.screenshot({ path: '/tmp/layout-placed.png' });

    await page.click(slot('A03-3'));
    const handle = page.locator(`${sheet('A03')} [data-testid="fp-handle-s"]`);
    await handle.waitFor();
    const h = (await handle.boundingBox())!;
    const to = await at(page, 'A03', 6.5, 72);
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y + 1, { steps: 8 });
    // The fill follows the pointer before anything is saved.
    await expect.poll(() => page.getAttribute('[data-testid="fp-ghost"]', 'data-rect')).toBe('5,3,36,36');
    expect(await page.getAttribute('[data-testid="fp-ghost"]', 'class')).not.toContain('is-overset');
    await page.screenshot({ path: '/tmp/layout-resizing.png' });
    await page.mouse.up();
    await expect.poll(() => page.locator(`${slot('A03-3')} [data-testid="problem-overset"]`).count()).toBe(0);
    const s3 = (await app.services.issues.get('i-2026-12-02')).pages[2]!.slots[2]!;
    expect(s3).toMatchObject({ line: 36, lines: 36, articleId: ids[2] });
  });

  it('continues the lead onto A04 with jump lines on both parts', async () => {
    const { page } = app;
    await page.keyboard.down('Alt');
    await page.dragAndDrop(slot('A03-1'), slot('A04-3'));
    await page.keyboard.up('Alt');
    await expect.poll(() => page.getAttribute(slot('A04-3'), 'data-article')).toBe(ids[0]);
    expect(await page.textContent(`${slot('A03-1')} .fp-jump`)).toBe('（下转A4版）');
    expect(await page.textContent(`${slot('A04-3')} .fp-jump`)).toBe('（上接A3版）');
    await expect.poll(() => page.locator(`${slot('A03-1')} [data-testid="problem-overset"]`).count()).toBe(0);
    await expect.poll(() => page.locator(`${slot('A04-3')} [data-testid="problem-overset"]`).count()).toBe(0);
  });

  it('splits, merges and shapes by keyboard, refusing an overlap where the slot is, each step one undo', async () => {
    const { page } = app;
    const shapeOf = async (id: string) => {
      const s = (await app.services.issues.get('i-2026-12-02')).pages[3]!.slots.find((x) => x.id === id);
      return s && { col: s.col, cols: s.cols, line: s.line, lines: s.lines };
    };
    await page.click(slot('A04-1'));
    await page.click('[data-testid="fp-split-columns"]');
    await page.waitForSelector(slot('A04-6'));
    expect(await shapeOf('A04-1')).toEqual({ col: 0, cols: 3, line: 0, lines: 44 });
    expect(await shapeOf('A04-6')).toEqual({ col: 3, cols: 3, line: 0, lines: 44 });
    await page.click(slot('A04-1'));
    await page.click('[data-testid="fp-merge"][data-with="A04-6"]');
    await expect.poll(() => page.locator(slot('A04-6')).count()).toBe(0);
    // The page shows a shape edit while it saves (usePlan's preview): the saved plan follows.
    await expect.poll(() => shapeOf('A04-1')).toEqual({ col: 0, cols: 6, line: 0, lines: 44 });

    // Alt+Shift+↑ pulls the bottom edge up a line; Alt+↓ would run into A04-4 and is refused on the spot.
    await page.focus(slot('A04-2'));
    // Each key waits for the page to show the last step: a key on a plan still loading is checked against it.
    const shown = (line: number, lines: number) =>
      expect
        .poll(async () => {
          const style = (await page.getAttribute(slot('A04-2'), 'style')) ?? '';
          const pct = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)%`).exec(style)?.[1]);
          return Math.round((pct('top') * LINES) / 100) * 1000 + Math.round((pct('height') * LINES) / 100);
        })
        .toBe(line * 1000 + lines);
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect.poll(() => shapeOf('A04-2')).toEqual({ col: 6, cols: 2, line: 0, lines: 43 });
    await shown(0, 43);
    await page.focus(slot('A04-2'));
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => shapeOf('A04-2')).toEqual({ col: 6, cols: 2, line: 1, lines: 43 });
    await shown(1, 43);
    await page.focus(slot('A04-2'));
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.textContent(`${sheet('A04')} [data-testid="fp-refusal"]`)).toContain('重叠');
    expect(await shapeOf('A04-2')).toEqual({ col: 6, cols: 2, line: 1, lines: 43 });
    await page.screenshot({ path: '/tmp/layout-keyboard-refused.png' });
    // Undo, step by step: the move, then the resize.
    await page.click('[data-testid="fp-undo"]');
    await expect.poll(() => shapeOf('A04-2')).toEqual({ col: 6, cols: 2, line: 0, lines: 43 });
    await page.click('[data-testid="fp-undo"]');
    await expect.poll(() => shapeOf('A04-2')).toEqual({ col: 6, cols: 2, line: 0, lines: 44 });

    // A target typed in lines is kept in 字 (12 a line on this grid); 按面积 goes back to the area's.
    const a042 = async () =>
      (await app.services.issues.get('i-2026-12-02')).pages[3]!.slots.find((x) => x.id === 'A04-2')!;
    const fromArea = (await a042()).targetChars;
    await page.click(slot('A04-2'));
    await page.selectOption('[data-testid="fp-target-unit"]', 'lines');
    await page.fill('[data-testid="fp-target"]', '40');
    await page.click('[data-testid="fp-target-set"]');
    await expect.poll(async () => (await a042()).targetChars).toBe(480);
    expect((await a042()).targetManual).toBe(true);
    await page.click('[data-testid="fp-target-auto"]');
    await expect.poll(async () => (await a042()).targetChars).toBe(fromArea);
  });

  it('shows the whole issue on one 1440 × 900 screen', async () => {
    const { page } = app;
    await page.click('[data-testid="fp-zoom-all"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/layout-issue.png' });
    const area = (await page.locator('[role="region"].fp-pages').boundingBox())!;
    for (const label of ['A01', 'A02', 'A03', 'A04']) {
      const box = (await page.locator(`[data-testid="fp-page"][data-page="${label}"]`).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 1);
    }
    await page.screenshot({ path: '/tmp/layout-issue.png' });
  });

  it('opens the proof of the page with one key, with the story set across both parts', async () => {
    const { page } = app;
    await page.click('[data-testid="fp-zoom-2"]');
    await page.focus(slot('A04-3'));
    await page.keyboard.press('p');
    await page.waitForSelector('[data-testid="proof-fits"][data-measured="yes"]', { timeout: 30_000 });
    await expect.poll(() => page.inputValue('[data-testid="proof-page"]')).toBe('A04');
    await expect.poll(() => page.locator('.np-slot[data-slot="A04-3"]').textContent()).toContain('（上接A3版）');
    await page.screenshot({ path: '/tmp/layout-proof.png' });
    await page.click('[data-testid="proof-back"]');
    await page.waitForSelector('[data-testid="flatplan"]');
  });

  it('exports the issue without a gate problem', async () => {
    const { page } = app;
    await page.click('[data-testid="export-start"]');
    const done = page.locator('[data-testid="export-done"]');
    await done.waitFor({ timeout: 120_000 });
    expect(await done.textContent()).not.toContain('DRAFT');
    expect(existsSync(join(app.dataDir, 'exports', '2026-12-02.zip'))).toBe(true);
    await page.screenshot({ path: '/tmp/layout-exported.png' });
    await page.click('[data-testid="export-close"]');
    await page.locator('[data-testid="export-dialog"]').waitFor({ state: 'detached' });
  });

  it('edits the paper’s grid in settings with a live page, and saves it', async () => {
    const { page } = app;
    await page.click('[data-testid="open-settings"]');
    await page.click('[data-testid="settings-geometry"] summary');
    const preview = page.locator('[data-testid="geo-preview"]');
    expect(await preview.getAttribute('data-columns')).toBe('8');
    expect(await page.textContent('[data-testid="geo-derived"]')).toContain('每行 12 字 · 每栏 102 行');
    await page.fill('[data-testid="geo-columns"]', '6');
    await expect.poll(() => preview.getAttribute('data-columns')).toBe('6');
    await expect.poll(() => preview.locator('rect').count()).toBe(3 + 6);
    expect(await page.textContent('[data-testid="geo-derived"]')).toContain('每行 17 字');
    await page.fill('[data-testid="geo-lines"]', '96');
    await expect.poll(() => preview.getAttribute('data-lines')).toBe('96');
    // A leading below the type size is refused before anything is saved.
    await page.fill('[data-testid="geo-leadingPt"]', '8');
    await page.locator('[data-testid="geo-problem"]').waitFor();
    await page.fill('[data-testid="geo-leadingPt"]', '13.5');
    await page.screenshot({ path: '/tmp/layout-geometry.png' });
    await page.click('[data-testid="settings-save"]');
    await expect.poll(() => app.services.settings.get().pageGeometry.columns).toBe(6);
    expect(app.services.settings.get().pageGeometry.typeHeightMm).toBeCloseTo(96 * 13.5 * (25.4 / 72), 2);
  });
});
