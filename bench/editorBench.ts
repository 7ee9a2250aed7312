/**
 * Editor figures in the real renderer (built app, Chromium from findChromium, all plugins, autosave and
 * counts on): per-keystroke input and frame latency at 20,000 characters and at 10,000
 * paragraphs, and a real clipboard paste of 20,000 characters. Timing is taken inside the
 * page (see editorProbe.ts), so the CDP round trip is not counted.
 */
import { startE2eApp, type E2eApp } from '../test/e2e/harness';
import { openStoryWith, selectInBody } from '../test/e2e/helpers/story';
import { paragraph } from '../shared/model/document';
import { installProbe, takeSamples, waitForSamples, type ProbeSample } from './editorProbe';
import { percentile } from './stats';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../electron/host/server';

const PLAIN_DIR = join(import.meta.dirname, '..', 'dist', 'bench-plain');

/** Enough samples that the p95 is not decided by two or three garbage-collection pauses. */
const KEYSTROKES = 300;
const LINE = '株洲市今年以来坚持把重大项目建设作为稳增长的关键抓手，全市重点项目完成投资同比增长。';

function story(paragraphs: number, charsEach: number) {
  return Array.from({ length: paragraphs }, (_, i) =>
    paragraph(`${i + 1}、${LINE.repeat(Math.ceil(charsEach / LINE.length)).slice(0, charsEach)}`),
  );
}

/** Types KEYSTROKES characters through Input.insertText (an IME commit) in the middle of the story. */
async function typing(app: E2eApp, block: number): Promise<{ input: number; frame: number }> {
  await selectInBody(app.page, [block, 5]);
  await installProbe(app.page, 'beforeinput');
  const samples: ProbeSample[] = [];
  for (let i = 0; i < KEYSTROKES + 10; i++) {
    await app.cdp.send('Input.insertText', { text: '字' });
    await waitForSamples(app.page, 1);
    const s = await takeSamples(app.page);
    if (i >= 10) samples.push(...s); // the first ten warm the JIT up
    // A reporter types about 5 characters a second; leave the autosave and counts room to run.
    await app.page.waitForTimeout(30);
  }
  return {
    input: percentile(
      samples.map((s) => s.input),
      95,
    ),
    frame: percentile(
      samples.map((s) => s.frame),
      95,
    ),
  };
}

/** A real paste: the text on the system clipboard, then Ctrl+V into the body. */
async function paste(app: E2eApp, text: string): Promise<number> {
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await selectInBody(app.page, [0, 0]);
  await installProbe(app.page, 'keydown');
  await app.page.keyboard.press('Control+V');
  await waitForSamples(app.page, 1);
  const [s] = await takeSamples(app.page);
  return s!.input;
}

/**
 * A hostile 5 MB HTML paste (inline styles and handlers on every paragraph, a script in front), built inside
 * the page so the 5 MB never crosses CDP, dispatched as a real ClipboardEvent. The clock starts at the
 * event and stops at the end of the first painted frame showing the pasted text.
 */
export async function pasteHtml(app: E2eApp, megabytes: number): Promise<number> {
  await selectInBody(app.page, [0, 0]);
  await installProbe(app.page, 'paste');
  await app.page.evaluate((mb) => {
    const para = `<p style="font-family:宋体" onclick="window.__pwned='big'">${'很长的正文，'.repeat(200)}</p>`;
    const html = `<script>window.__pwned='script'</script>${para.repeat(Math.ceil((mb * 1024 * 1024) / para.length))}`;
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', '纯文本');
    const target =
      document.getSelection()?.anchorNode?.parentElement ?? document.querySelector('[data-testid="story-body"]')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, megabytes);
  await waitForSamples(app.page, 1);
  const [s] = await takeSamples(app.page);
  const shown = await app.page.evaluate(
    () => document.querySelector('[data-testid="story-body"]')?.textContent?.includes('很长的正文') ?? false,
  );
  if (!shown) throw new Error('the pasted text is not in the body');
  return s!.frame;
}

/** The same typing in plain Slate (no plugins, autosave or counts), on the same machine and run. */
async function baseline(app: E2eApp, paragraphs: number, chars: number): Promise<{ input: number; frame: number }> {
  const host = await startHost({ dispatch: async () => ({ ok: true, value: null }), rendererDir: PLAIN_DIR });
  try {
    await app.page.goto(host.url);
    await app.page.goto(`http://127.0.0.1:${host.port}/?paragraphs=${paragraphs}&chars=${chars}`);
    await app.page.waitForSelector('[data-testid="story-body"]');
    return await typing(app, Math.floor(paragraphs / 2));
  } finally {
    await host.close();
  }
}

export async function runEditorBench(): Promise<Record<string, number>> {
  if (!existsSync(join(PLAIN_DIR, 'index.html')))
    throw new Error('run `npm run build:bench-plain` first (npm run bench does)');
  const out: Record<string, number> = {};
  const app = await startE2eApp();
  try {
    const plainSmall = await baseline(app, 200, 100);
    out['editor.plain_slate_input_ms_p95@20000chars'] = plainSmall.input;
    out['editor.plain_slate_frame_ms_p95@20000chars'] = plainSmall.frame;
    const plainBig = await baseline(app, 10_000, 40);
    out['editor.plain_slate_input_ms_p95@10000blocks'] = plainBig.input;
    // Cookies are per host, not port: the baseline host's token cookie replaced ours.
    await app.page.goto(app.host.url);
    await openStoryWith(app, { headline: '性能测试', body: story(200, 100) });
    const small = await typing(app, 100);
    out['editor.input_ms_p95@20000chars'] = small.input;
    out['editor.frame_ms_p95@20000chars'] = small.frame;
    process.stderr.write(`  20,000 characters: ${JSON.stringify(small)}\n`);

    // The same story and typing in suggestion mode (留痕): every character lands in a tracked insertion.
    await openStoryWith(app, { headline: '留痕测试', body: story(200, 100) });
    await app.page.click('[data-testid="open-review"]');
    await app.page.click('[data-testid="suggest-toggle"]');
    const suggesting = await typing(app, 100);
    out['editor.suggest_input_ms_p95@20000chars'] = suggesting.input;
    out['editor.suggest_frame_ms_p95@20000chars'] = suggesting.frame;
    out['editor.suggest_input_ratio@20000chars'] = suggesting.input / small.input;
    process.stderr.write(`  20,000 characters, suggestion mode: ${JSON.stringify(suggesting)}\n`);

    await openStoryWith(app, { headline: '粘贴测试', body: story(1, 20) });
    const pasted = Array.from({ length: 200 }, (_, i) => `第${i + 1}段：${LINE.repeat(2)}`)
      .join('\n\n')
      .slice(0, 20_000);
    out['editor.paste_ms@20000chars'] = await paste(app, pasted);

    await openStoryWith(app, { headline: '粘贴网页', body: story(1, 20) });
    out['editor.paste_ms@5MBhtml'] = await pasteHtml(app, 5);
    process.stderr.write(`  5 MB HTML paste: ${out['editor.paste_ms@5MBhtml']} ms\n`);

    await openStoryWith(app, { headline: '长稿测试', body: story(10_000, 40) });
    const big = await typing(app, 5_000);
    out['editor.input_ms_p95@10000blocks'] = big.input;
    out['editor.frame_ms_p95@10000blocks'] = big.frame;
  } finally {
    await app.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runEditorBench();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(36)} ${v.toFixed(1)}\n`);
}
