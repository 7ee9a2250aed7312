/**
 * Typing and opening costs in the real editor (built renderer, Chromium): per-keystroke latency
 * in a 20,000-character story and in a 10,000-paragraph one, and how long each takes to open.
 * Run alone with `node --import tsx bench/editorBench.ts` after `npm run build:renderer`.
 */
import { startE2eApp, type E2eApp } from '../test/e2e/harness';
import { gotoDesk, selectInBody } from '../test/e2e/helpers/story';
import { paragraph } from '../shared/model/document';
import { median, percentile } from './stats';

const KEYSTROKES = 60;

function story(paragraphs: number, charsEach: number) {
  const line = '株洲市今年以来坚持把重大项目建设作为稳增长的关键抓手，全市重点项目完成投资同比增长。';
  return Array.from({ length: paragraphs }, (_, i) => paragraph(`${i + 1}、${line.repeat(Math.ceil(charsEach / line.length)).slice(0, charsEach)}`));
}

/** Opens a story and returns the milliseconds until its body is editable. */
async function open(app: E2eApp, body: ReturnType<typeof story>): Promise<number> {
  const a = await app.services.articles.create('story', { headline: '性能测试', body }, 'bench');
  await app.reopen();
  await gotoDesk(app.page);
  const started = Date.now();
  await app.page.evaluate((id) => {
    location.hash = `#/story/${id}`;
  }, a.id);
  await app.page.waitForSelector(`[data-testid="story-screen"][data-article-id="${a.id}"] [data-testid="story-body"][contenteditable="true"]`, { timeout: 120_000 });
  return Date.now() - started;
}

async function mainThreadMs(app: E2eApp): Promise<number> {
  const { metrics } = await app.cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/**
 * Types one character at a time in the middle of the story; times each until the next frame
 * (wall clock, includes the CDP round trip) and sums the page's main-thread work per key,
 * which a busy machine disturbs far less.
 */
async function typing(app: E2eApp, block: number): Promise<{ samples: number[]; busyPerKey: number }> {
  await selectInBody(app.page, [block, 5]);
  await app.cdp.send('Performance.enable');
  const busyBefore = await mainThreadMs(app);
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const t0 = performance.now();
    await app.cdp.send('Input.insertText', { text: '字' });
    await app.page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
    samples.push(performance.now() - t0);
  }
  const busyPerKey = ((await mainThreadMs(app)) - busyBefore) / KEYSTROKES;
  return { samples, busyPerKey };
}

export async function runEditorBench(): Promise<Record<string, number>> {
  const app = await startE2eApp();
  try {
    const out: Record<string, number> = {};
    for (const [label, paragraphs, chars] of [
      ['20k_chars', 200, 100],
      ['10k_paragraphs', 10_000, 60],
    ] as const) {
      out[`editor.open_ms@${label}`] = await open(app, story(paragraphs, chars));
      const { samples, busyPerKey } = await typing(app, Math.floor(paragraphs / 2));
      out[`editor.main_thread_ms_per_key@${label}`] = busyPerKey;
      out[`editor.keystroke_ms_p50@${label}`] = median(samples);
      out[`editor.keystroke_ms_p95@${label}`] = percentile(samples, 95);
    }
    return out;
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runEditorBench();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(36)} ${v.toFixed(1)}\n`);
}
