/**
 * Page plan figures in Chromium, through the browser host and the built renderer: opening the flatplan of a
 * 16-page issue with 80 stories as thumbnails (the whole issue on a 1440 × 900 screen), and the frames while
 * a slot's edge is dragged on a page of five placed stories (the ghost's fill follows the pointer).
 */
import type { Page } from 'playwright-core';
import { createHandlers } from '../electron/ipc/handlers';
import { startE2eApp, type E2eApp } from '../test/e2e/harness';
import { fixtureArticle } from '../test/fixtures/pageplan/proofStories';
import { percentile } from './stats';

const DATE = '2026-12-03';

async function sixteenPages(app: E2eApp): Promise<void> {
  const handlers = createHandlers(app.services);
  const issue = await handlers['pageplan.createIssue']({ date: DATE, template: '16版' });
  const slots = issue.pages.flatMap((p) => p.slots.map((s) => ({ page: p.label, slotId: s.id })));
  for (const [i, at] of slots.entries()) {
    const {
      id: _i,
      status: _s,
      revision: _r,
      placement: _p,
      spikedFrom: _f,
      createdAt: _c,
      createdBy: _b,
      updatedAt: _u,
      updatedBy: _v,
      ...content
    } = fixtureArticle(i, 'a-placeholder', { chars: 400 + ((i * 137) % 1200) });
    const a = await app.services.articles.create('story', content, '记者');
    await app.services.articles.update(a.id, 1, '编辑', (x) => ({ ...x, status: 'approved' }));
    await handlers['pageplan.place']({ articleId: a.id, date: DATE, ...at });
  }
}

/** From the route change to the end of the first painted frame showing all 80 placed slots. */
async function openFlatplan(page: Page): Promise<number> {
  await page.evaluate(() => (location.hash = '#/'));
  await page.waitForSelector('[data-testid="desk"]');
  return page.evaluate(
    (date) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const done = () => {
          const placed = document.querySelectorAll('.fp-pages.is-thumbs [data-testid="fp-slot"]:not(.is-empty)');
          if (placed.length < 80) return false;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          // rAF runs before the paint; a message posted from it runs after the frame is done.
          requestAnimationFrame(() => channel.port2.postMessage(null));
          return true;
        };
        const observer = new MutationObserver(() => {
          if (done()) observer.disconnect();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        location.hash = `#/flatplan/${date}`;
      }),
    DATE,
  );
}

/** Each pointer move's time from the event to the end of the next painted frame, while an edge is dragged. */
async function dragEdge(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const samples: number[] = [];
    let t0: number | null = null;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (t0 !== null) samples.push(performance.now() - t0);
      t0 = null;
    };
    window.addEventListener(
      'pointermove',
      (e) => {
        if (t0 !== null || e.buttons === 0) return;
        t0 = Math.min(e.timeStamp, performance.now());
        requestAnimationFrame(() => channel.port2.postMessage(null));
      },
      true,
    );
    (window as unknown as { __frames: number[] }).__frames = samples;
  });
  const sheet = page.locator('[data-testid="fp-sheet"][data-page="A03"]');
  await sheet.scrollIntoViewIfNeeded();
  await page.click('[data-testid="fp-slot"][data-slot="A03-4"]');
  const handle = page.locator('[data-testid="fp-sheet"][data-page="A03"] [data-testid="fp-handle-s"]');
  const h = (await handle.boundingBox())!;
  const box = (await sheet.boundingBox())!;
  const x = h.x + h.width / 2;
  const y = h.y + h.height / 2;
  // Up by 22 of the slot's 30 lines and back, a pixel at a time: the ghost, its size and its fill follow.
  const travel = (22 / 102) * box.height;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= travel; i++) await page.mouse.move(x, y - i);
  for (let i = Math.floor(travel); i >= 0; i--) await page.mouse.move(x, y - i);
  const ghost = await page.locator('[data-testid="fp-ghost-fill"]').count();
  await page.keyboard.press('Escape');
  await page.mouse.up();
  if (ghost !== 1) throw new Error('the ghost did not show the live fill');
  return page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.splice(0));
}

export async function pageplanUiFigures(): Promise<Record<string, number>> {
  const app = await startE2eApp({ role: 'layout', userName: '版面' });
  try {
    await sixteenPages(app);
    const { page } = app;
    // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); give the page one.
    await page.addInitScript('window.__name = window.__name || ((f) => f)');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => localStorage.setItem('newsdesk.flatplanZoom', 'all'));
    await page.reload();
    await page.waitForSelector('[data-testid="desk"], [data-testid="sample-offer"]');
    if (await page.locator('[data-testid="sample-offer"]').count()) await page.click('[data-testid="skip-sample"]');
    const opens: number[] = [];
    for (let run = 0; run < 11; run++) {
      const ms = await openFlatplan(page);
      // The first open also loads the fonts and measures the pages off screen.
      if (run > 0) opens.push(ms);
    }
    await page.screenshot({ path: '/tmp/newsdesk-bench-flatplan-16.png' });
    await page.click('[data-testid="fp-zoom-4"]');
    const frames = [...(await dragEdge(page)), ...(await dragEdge(page))];
    return {
      'pageplan.flatplan_thumbs_ms@16pages': percentile(opens, 50),
      'pageplan.resize_frame_ms_p95': percentile(frames, 95),
      'pageplan.resize_frames': frames.length,
    };
  } finally {
    await app.close();
  }
}
