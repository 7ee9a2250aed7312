/**
 * Scale figures on stores of 10,000 and 60,000 stories built by the bench (scaleStore.ts): open + list,
 * first search after start, query p95, the memory the search index adds, a day + status desk filter
 * (each the median of three fresh processes), and importing 10,000 raw-copy files.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats';
import { buildScaleStore, openBenchRuntime } from './scaleStore';

interface Probe {
  openListMs: number;
  firstQueryMs: number;
  queryP95: number;
  rssMb: number;
  filterMs: number;
}

function probe(dir: string): Probe {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'scaleProbe.ts'), dir],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out) as Probe;
}

async function storeFigures(n: number): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), `newsdesk-scale-${n}-`));
  try {
    const built = await buildScaleStore(dir, n);
    process.stderr.write(
      `  ${n} stories written in ${built.writeMs.toFixed(0)} ms, indexed in ${built.indexMs.toFixed(0)} ms\n`,
    );
    const runs = [probe(dir), probe(dir), probe(dir)];
    const m = (k: keyof Probe) => median(runs.map((r) => r[k]));
    // At 10,000 the store and search suites already report these two (their own stores); not overwritten here.
    const ownAt10k = n === 10_000 ? 'scale.' : '';
    return {
      [`${ownAt10k}store.open_list_ms@${n}`]: m('openListMs'),
      [`search.first_query_ms@${n}`]: m('firstQueryMs'),
      [`${ownAt10k}search.query_ms_p95@${n}`]: m('queryP95'),
      [`search.rss_mb@${n}`]: m('rssMb'),
      [`desk.filter_ms@${n}`]: m('filterMs'),
      [`scale.index_build_ms@${n}`]: built.indexMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Raw copy from the fixtures, each file made distinct by a number in its first line. */
export function rawCopies(n: number): { name: string; text: string }[] {
  const dir = join(import.meta.dirname, '..', 'assets', 'sample');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  return Array.from({ length: n }, (_, i) => ({
    name: `copy-${i}.txt`,
    text: texts[i % texts.length]!.replace(/^(.*\S.*)$/m, `$1 ${i}`),
  }));
}

/** 10,000 files through the desk's import channel in batches of 500, as a drop of many files would. */
async function importFigure(n: number): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), `newsdesk-import-${n}-`));
  const runtime = await openBenchRuntime(dir);
  try {
    const files = rawCopies(n);
    const t = performance.now();
    for (let i = 0; i < n; i += 500) {
      const r = await runtime.client.call('copy.importMany', { batchId: `bench-${i}`, files: files.slice(i, i + 500) });
      if (!r.ok || r.value.ids.length !== Math.min(500, n - i)) throw new Error('import failed');
    }
    return { [`copy.import_ms_per_story@${n}`]: (performance.now() - t) / n };
  } finally {
    await runtime.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runScaleBench(): Promise<Record<string, number>> {
  // An empty NEWSDESK_SCALE_SIZES measures the import figure alone.
  const sizes = (process.env.NEWSDESK_SCALE_SIZES ?? '10000,60000').split(',').filter(Boolean).map(Number);
  const figures: Record<string, number> = {};
  for (const n of sizes) Object.assign(figures, await storeFigures(n));
  Object.assign(figures, await importFigure(10_000));
  return figures;
}
