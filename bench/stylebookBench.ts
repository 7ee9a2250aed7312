/**
 * The house style book's figures: 5,000 style book entries checked over a 20,000-字 story in one
 * Aho-Corasick scan, the book's compile time, and the whole check (punctuation and every house
 * rule) on that story, which the panel runs once a pause after typing, never per keystroke.
 * `node --import tsx bench/run.ts stylebook` runs this suite alone and keeps the other figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StylebookEntry } from '../shared/model/stylebook';
import { lintText } from '../shared/rules/punctuation';
import { checkStylebook, compileStylebook } from '../shared/rules/lint/stylebookRule';
import { median, percentile } from './stats';
import { startE2eApp, type E2eApp } from '../test/e2e/harness';
import { openStoryWith, selectInBody } from '../test/e2e/helpers/story';
import { paragraph } from '../shared/model/document';
import { installProbe, takeSamples, waitForSamples, type ProbeSample } from './editorProbe';

const FIXTURES = join(import.meta.dirname, '..', 'assets', 'sample');

/** About 20,000 characters of the sample stories' paragraphs, punctuation fixed as the desk leaves it. */
function story(): string {
  const paras = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(FIXTURES, f), 'utf8').split(/\n\s*\n/))
    .filter((p) => p.trim().length > 30)
    .map((p) => p.replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）'));
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; chars < 20_000; i++) {
    out.push(paras[i % paras.length]!);
    chars += paras[i % paras.length]!.length;
  }
  return out.join('\n');
}

/**
 * 5,000 entries shaped like a paper's list: 2–4 character Han wrong forms, mostly words that do
 * not occur (one character of a real word off by one code point), 1 in 50 a word the story has.
 */
function entries(text: string, n: number): StylebookEntry[] {
  const grams = new Set<string>();
  for (let i = 0; i + 4 <= text.length && grams.size < n * 3; i += 3) {
    const gram = text.slice(i, i + 2 + (i % 3));
    if (/^\p{Script=Han}+$/u.test(gram)) grams.add(gram);
  }
  const out: StylebookEntry[] = [];
  const seen = new Set<string>();
  let k = 0;
  for (const gram of grams) {
    if (out.length >= n) break;
    const occurs = k++ % 50 === 0;
    const wrong = occurs ? gram : gram.slice(0, -1) + String.fromCharCode(gram.charCodeAt(gram.length - 1) + 1);
    if (seen.has(wrong)) continue;
    seen.add(wrong);
    out.push({ wrong, right: `${gram}〇`, reason: '', severity: 'must', scope: 'substring', exceptions: [] });
  }
  for (let i = 0; out.length < n; i++) {
    const wrong = `词${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x5e00 + (i % 97))}`;
    if (!seen.has(wrong))
      out.push({ wrong, right: '词', reason: '', severity: 'must', scope: 'substring', exceptions: [] });
  }
  return out;
}

function timeMedian(runs: number, work: () => void, warmups = 5): number {
  for (let i = 0; i < warmups; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return median(times);
}

const KEYSTROKES = 200;
const LINE = '株洲市今年以来坚持把重大项目建设作为稳增长的关键抓手，全市重点项目完成投资同比增长。';

/** p95 input latency of KEYSTROKES characters typed (as an IME commits them) mid-story, as editorBench types. */
async function typingP95(app: E2eApp): Promise<number> {
  await selectInBody(app.page, [100, 5]);
  await installProbe(app.page, 'beforeinput');
  const samples: ProbeSample[] = [];
  for (let i = 0; i < KEYSTROKES + 10; i++) {
    await app.cdp.send('Input.insertText', { text: '字' });
    await waitForSamples(app.page, 1);
    const got = await takeSamples(app.page);
    if (i >= 10) samples.push(...got);
    await app.page.waitForTimeout(30);
  }
  return percentile(
    samples.map((x) => x.input),
    95,
  );
}

/**
 * Typing in a 20,000-character story with the check panel closed, then open with the 5,000-entry
 * book, in one run: the panel lints after a pause, so keystrokes should cost the same.
 */
async function typingWithPanel(list: StylebookEntry[]): Promise<Record<string, number>> {
  const app = await startE2eApp({ role: 'chief-editor' });
  try {
    await app.services.stylebook.save({ entries: list, keep: [] }, 'bench');
    const body = Array.from({ length: 200 }, (_, i) => paragraph(`${i + 1}、${LINE.repeat(3).slice(0, 100)}`));
    await openStoryWith(app, { headline: '性能测试', body });
    const closed = await typingP95(app);
    await openStoryWith(app, { headline: '性能测试', body });
    await app.page.click('[data-testid="open-lint"]');
    await app.page.locator('[data-testid="lint-group"]').first().waitFor();
    const open = await typingP95(app);
    process.stderr.write(`  typing p95: panel closed ${closed.toFixed(1)} ms, open ${open.toFixed(1)} ms\n`);
    return {
      'copy.typing_input_ms_p95@20000chars_panel_closed': closed,
      'copy.typing_input_ms_p95@20000chars_panel_open_5000entries': open,
    };
  } finally {
    await app.close();
  }
}

export async function runStylebookBench(): Promise<Record<string, number>> {
  const text = story();
  const list = entries(text, 5_000);
  if (list.length !== 5_000) throw new Error(`built ${list.length} entries, not 5,000`);
  const compile = timeMedian(10, () => compileStylebook({ entries: list, keep: [] }), 2);
  const book = compileStylebook({ entries: list, keep: [] });
  const mask = new Uint8Array(text.length);
  const found = checkStylebook(text, mask, book).length;
  if (found === 0) throw new Error('the bench book found nothing: it would time an empty scan');
  const scan = timeMedian(50, () => checkStylebook(text, mask, book));
  const whole = timeMedian(20, () => lintText(text, { house: { stylebook: book } }));
  process.stderr.write(`  ${text.length} characters, ${list.length} entries, ${found} findings\n`);
  const typing = await typingWithPanel(list);
  return {
    ...typing,
    'copy.stylebook_ms@5000entries': scan,
    'copy.stylebook_compile_ms@5000entries': compile,
    'copy.lint_house_ms@20000chars': whole,
  };
}
