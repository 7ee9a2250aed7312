/** Copy-desk figures: parsing a story, linting and diffing 20,000 characters. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyContent, type ArticleContent } from '../shared/model/article';
import { paragraph } from '../shared/model/document';
import { parseCopy } from '../shared/rules/parseCopy';
import { lintText } from '../shared/rules/punctuation';
import { diffArticles } from '../shared/rules/articleDiff';
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

function timeMedian(runs: number, work: () => void): number {
  for (let i = 0; i < 5; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  return median(times);
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

  const paras = longCopy();
  const text = paras.join('\n');
  const lint = timeMedian(30, () => lintText(text));

  const before: ArticleContent = { ...emptyContent(), headline: '标题', body: paras.map(paragraph) };
  const after: ArticleContent = { ...before, headline: '改过的标题', body: edited(paras).map(paragraph) };
  const diff = timeMedian(20, () => diffArticles(before, after));

  return {
    'copy.parse_ms_p50': parse,
    'copy.lint_ms@20000chars': lint,
    'revisions.diff_ms@20000chars': diff,
  };
}
