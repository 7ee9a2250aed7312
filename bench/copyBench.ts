/** Copy-desk figures: parsing a story and 2 MB of pasted copy, linting and diffing 20,000 characters. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyContent, type ArticleContent } from '../shared/model/article';
import { paragraph } from '../shared/model/document';
import { parseCopy } from '../shared/rules/parseCopy';
import { lintText } from '../shared/rules/punctuation';
import { diffArticles } from '../shared/rules/articleDiff';
import { bodySimilarity } from '../shared/rules/copy/duplicateCopy';
import { median } from './stats';

const FIXTURES = join(import.meta.dirname, '..', 'assets', 'sample');

function stories(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
}

/** About 20,000 characters of raw copy, half-width punctuation and all, in ~200 paragraphs. */
function longCopy(): string[] {
  const paras = stories().flatMap((s) => s.split(/\n\s*\n/).filter((p) => p.trim().length > 30));
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; chars < 20_000; i++) {
    const p = paras[i % paras.length]!;
    out.push(p);
    chars += p.length;
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

/**
 * About 2 MB (UTF-8) of raw copy as a long pasted document arrives: the fixtures' headlines,
 * bylines, captions and paragraphs over and over, every third paragraph column-broken into short
 * lines as a PDF's narrow column leaves them; an appendix table of short lines with no end
 * punctuation (which all run together as one unfinished paragraph); and chapters pasted as one
 * line each that point at a figure ("如图：").
 */
export function twoMegabytesOfCopy(): string {
  const lines = stories().flatMap((s) => s.split('\n'));
  const paras = lines.filter((l) => l.length > 60);
  const out: string[] = [];
  let bytes = 0;
  const push = (line: string) => {
    out.push(line);
    bytes += Buffer.byteLength(line) + 1;
  };
  for (let i = 0; bytes < 1_400_000; i++) {
    const line = lines[i % lines.length]!;
    for (const piece of i % 3 === 0 && line.length > 40 ? line.match(/.{1,18}/gsu)! : [line]) push(piece);
  }
  push('附表');
  for (let i = 0; bytes < 1_750_000; i++)
    push(`${i + 1} 株洲市天元区黄河北路${i % 300}号 联络员${i % 97} 0731-2${String(i).padStart(7, '0')}`);
  for (let i = 0; bytes < 2_000_000; i++) {
    push(Array.from({ length: 400 }, (_, k) => paras[(i + k) % paras.length]!).join('如图：') + '。');
  }
  return out.join('\n');
}

/** A copy editor's pass: every tenth paragraph reworded, a few cut, one added. */
function edited(paras: string[]): string[] {
  const out = paras.map((p, i) =>
    i % 10 === 3 ? p.replace(/，/g, '、').replace(/,/g, '，').slice(0, -5) + '（编者注）。' : p,
  );
  out.splice(50, 2);
  out.splice(120, 0, '新增的一段：株洲市有关部门表示，将继续推进相关工作。');
  return out;
}

export async function runCopyBench(): Promise<Record<string, number>> {
  const texts = stories();
  // Each story timed on its own; the figure is the median over all stories and runs.
  const perStory: number[] = [];
  for (let run = 0; run < 205; run++) {
    for (const t of texts) {
      const start = performance.now();
      parseCopy(t, { paperName: '株洲日报' });
      if (run >= 5) perStory.push(performance.now() - start);
    }
  }
  const parse = median(perStory);

  const big = twoMegabytesOfCopy();
  const parse2MB = timeMedian(5, () => parseCopy(big, { paperName: '株洲日报' }), 1);

  const paras = longCopy();
  const text = paras.join('\n');
  const lint = timeMedian(30, () => lintText(text));

  const before: ArticleContent = { ...emptyContent(), headline: '标题', body: paras.map(paragraph) };
  const after: ArticleContent = { ...before, headline: '改过的标题', body: edited(paras).map(paragraph) };
  const diff = timeMedian(20, () => diffArticles(before, after));

  // 疑似重复: one stored story with the same headline compared with the copy in the preview, as
  // copy.parse does for each; resent copy (a few words changed) and a rewrite the cut-off gives up on.
  const body = text.slice(0, 3000);
  const resent = body.replace(/株洲/g, '本市');
  // Worst case: the same characters in another order, which only the diff tells apart.
  const rewritten = [...body].reverse().join('');
  const otherBody = text.slice(3000, 6000);
  const sameStory = timeMedian(50, () => bodySimilarity(body, resent));
  const otherStory = timeMedian(50, () => bodySimilarity(body, otherBody));
  const reordered = timeMedian(20, () => bodySimilarity(body, rewritten));

  return {
    'copy.parse_ms_p50': parse,
    'copy.parse_ms@2MB': parse2MB,
    'copy.lint_ms@20000chars': lint,
    'revisions.diff_ms@20000chars': diff,
    'copy.duplicate_compare_ms@3000chars': sameStory,
    'copy.duplicate_compare_other_ms@3000chars': otherStory,
    'copy.duplicate_compare_reordered_ms@3000chars': reordered,
  };
}
