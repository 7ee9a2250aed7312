/**
 * In-page timing for the editor benchmark, as the issue defines it: from the moment the
 * input event is dispatched in the page (the event's timeStamp) to (a) the first DOM
 * change of the editor ("input": the JS, React and Slate work) and (b) the end of the
 * next painted frame ("frame": rAF, then a task after the frame).
 */
import type { Page } from 'playwright-core';

export interface ProbeSample {
  input: number;
  frame: number;
}

/** Installs the probe in the page; `eventType` is the event that starts the clock. */
export async function installProbe(page: Page, eventType: 'beforeinput' | 'keydown' | 'paste'): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); give the page one.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  await page.evaluate((type) => {
    const w = window as unknown as { __probe?: { samples: { input: number; frame: number }[] } };
    const root = document.querySelector('[data-testid="story-body"]')!;
    const samples: { input: number; frame: number }[] = [];
    let t0: number | null = null;
    let seen = false;
    const channel = new MessageChannel();
    let pendingInput = 0;
    channel.port1.onmessage = () => {
      if (t0 === null) return;
      samples.push({ input: pendingInput, frame: performance.now() - t0 });
      t0 = null;
    };
    new MutationObserver(() => {
      if (t0 === null || seen) return;
      seen = true;
      pendingInput = performance.now() - t0;
      // rAF runs before the paint; a message posted from it runs after the frame is done.
      requestAnimationFrame(() => channel.port2.postMessage(null));
    }).observe(root, { subtree: true, childList: true, characterData: true });
    window.addEventListener(
      type,
      (e) => {
        if (type === 'keydown' && !((e as KeyboardEvent).ctrlKey && (e as KeyboardEvent).key.toLowerCase() === 'v'))
          return;
        t0 = Math.min(e.timeStamp, performance.now());
        seen = false;
      },
      true,
    );
    w.__probe = { samples };
  }, eventType);
}

export async function takeSamples(page: Page): Promise<ProbeSample[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __probe: { samples: { input: number; frame: number }[] } };
    return w.__probe.samples.splice(0);
  });
}

/** Waits until the probe has recorded `n` samples in total. */
export async function waitForSamples(page: Page, n: number): Promise<void> {
  await page.waitForFunction((count) => {
    const w = window as unknown as { __probe: { samples: unknown[] } };
    return w.__probe.samples.length >= count;
  }, n);
}
