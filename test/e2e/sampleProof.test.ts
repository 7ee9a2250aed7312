/**
 * The sample issue's front page in Chromium: no text box over another (the masthead band is kept free),
 * and the flatplan, the live proof and the story's copy-fit bar show one and the same laid-out figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';

interface Box {
  what: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

describe('the sample issue as laid out', () => {
  let app: E2eApp;
  let date = '';
  beforeAll(async () => {
    app = await startE2eApp({ role: 'layout', userName: '版面编辑' });
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await app.page.click('[data-testid="load-sample"]');
    await app.page.waitForSelector('[data-testid="story-row"]');
    date = (await app.services.issues.list())[0]!.date;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows every placed slot of the flatplan with the lines measured on the laid-out page', async () => {
    const { page } = app;
    await page.evaluate((d) => (location.hash = `#/flatplan/${d}`), date);
    const placed = page.locator('[data-testid="fp-slot"]:not([data-article=""])');
    await expect.poll(() => placed.count(), { timeout: 20_000 }).toBe(5);
    // The flatplan lays unmeasured pages out off screen and reloads with the figures.
    await expect
      .poll(() => page.locator('[data-testid="fp-slot"][data-measured="yes"]').count(), { timeout: 30_000 })
      .toBe(5);
    expect(await page.locator('[data-testid="fp-estimate"]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/newsdesk-sample-flatplan.png' });
  });

  it('prints no text box over another on A01, and the proof agrees with the flatplan line for line', async () => {
    const { page } = app;
    const flatplanLines = new Map<string, string>();
    for (const slot of await page.locator('[data-testid="fp-slot"][data-page="A01"]').all())
      flatplanLines.set((await slot.getAttribute('data-slot'))!, (await slot.getAttribute('data-lines'))!);
    await page.click('[data-testid="fp-page"][data-page="A01"] [data-testid="fp-open-proof"]');
    await page.waitForSelector('[data-testid="proof-fits"][data-measured="yes"]', { timeout: 30_000 });
    const boxes = (await page.evaluate(() => {
      const root = document.querySelector('[data-testid="proof-host"]')!.shadowRoot!;
      const out: { what: string; left: number; top: number; right: number; bottom: number }[] = [];
      const add = (what: string, el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) out.push({ what, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      };
      for (const el of Array.from(root.querySelectorAll('#np-masthead .np-paper, #np-masthead .np-meta')))
        add(`masthead ${el.className}`, el);
      for (const slot of Array.from(root.querySelectorAll<HTMLElement>('.np-slot')))
        for (const el of Array.from(slot.querySelectorAll('.np-head, .np-photos, .np-body')))
          add(`${slot.dataset.slot} ${el.className}`, el);
      return out;
    })) as Box[];
    expect(boxes.filter((b) => b.what.startsWith('masthead'))).toHaveLength(2);
    expect(boxes.filter((b) => b.what.includes('np-body')).length).toBeGreaterThanOrEqual(2);
    const clashes: string[] = [];
    // Half a CSS pixel of slack: boxes that only touch (a slot right under another) do not clash.
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
          clashes.push(`${a.what} × ${b.what}`);
    expect(clashes).toEqual([]);

    for (const [slotId, lines] of flatplanLines)
      expect(await page.getAttribute(`[data-testid="proof-fit"][data-slot="${slotId}"]`, 'data-lines'), slotId).toBe(
        lines,
      );
    await page.screenshot({ path: '/tmp/newsdesk-sample-proof.png' });
  });

  it('the story screen’s copy-fit bar shows the same laid-out lines as the flatplan', async () => {
    const { page } = app;
    const issue = (await app.services.issues.list())[0]!;
    const slot = issue.pages[0]!.slots[0]!;
    await page.evaluate((d) => (location.hash = `#/flatplan/${d}`), date);
    const card = page.locator(`[data-testid="fp-slot"][data-slot="${slot.id}"][data-measured="yes"]`);
    await card.waitFor({ timeout: 30_000 });
    const lines = await card.getAttribute('data-lines');
    await page.evaluate((id) => (location.hash = `#/story/${id}`), slot.articleId!);
    const bar = page.locator('[data-testid="copyfit"][data-measured="yes"]');
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute('data-lines')).toBe(lines);
    await page.screenshot({ path: '/tmp/newsdesk-sample-story.png' });
  });
});
