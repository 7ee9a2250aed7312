/**
 * Where search time goes on a store kept between runs (not a figure for results.json): builds the
 * store once if the folder is empty, then times open + list, the first query and the scale bench's
 * 300 queries per phase (segment load, catch-up, postings, folding, snippets), wall and CPU time.
 * `node --expose-gc --import tsx bench/searchProbe.ts /tmp/search-60k 60000`
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localServices } from '../electron/runtime/openRuntime';
import { SearchService } from '../electron/services/search/searchService';
import { Segment } from '../electron/services/search/segment';
import { buildScaleStore, openBenchRuntime, rng } from './scaleStore';
import { percentile } from './stats';

const dir = process.argv[2]!;
const size = Number(process.argv[3] ?? 60_000);
const phases: Record<string, { ms: number; calls: number }> = {};

/** Wraps a method (private ones included) so its wall time adds up under `label`. */
function timed(proto: object, name: string, label: string): void {
  const methods = proto as Record<string, unknown>;
  const original = methods[name] as (...args: unknown[]) => unknown;
  methods[name] = function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    const done = () => {
      const p = (phases[label] ??= { ms: 0, calls: 0 });
      p.ms += performance.now() - t;
      p.calls++;
    };
    const result = original.apply(this, args);
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  };
}
for (const m of ['candidates', 'postings', 'matchAt', 'containsAsWritten', 'doc']) timed(Segment.prototype, m, m);
for (const m of ['start', 'checkAgainstStore', 'readIntoRecent', 'querySegment']) timed(SearchService.prototype, m, m);

function report(title: string): void {
  const parts = Object.entries(phases).map(([k, p]) => `${k} ${p.ms.toFixed(1)} ms/${p.calls}`);
  process.stderr.write(`${title}: ${parts.join(', ')}\n`);
  for (const k of Object.keys(phases)) delete phases[k];
}
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const rssMb = () => {
  gc();
  return process.memoryUsage().rss / 2 ** 20;
};

if (!existsSync(join(dir, 'articles'))) await buildScaleStore(dir, size);
let cpu = process.cpuUsage();
let t = performance.now();
const runtime = await openBenchRuntime(dir);
const services = localServices(runtime);
services.articles.list({ limit: 50, offset: 0 });
process.stderr.write(`open + list ${(performance.now() - t).toFixed(0)} ms (cpu ${cpuMs(cpu).toFixed(0)})\n`);
const rssBefore = rssMb();
cpu = process.cpuUsage();
t = performance.now();
await services.search.query('株洲', 50);
process.stderr.write(`first query ${(performance.now() - t).toFixed(0)} ms (cpu ${cpuMs(cpu).toFixed(0)})\n`);
report('  phases');

const all = services.articles.list({ limit: 1, offset: 0 }).total;
const rand = rng(7);
const wall: number[] = [];
const cpuTimes: number[] = [];
for (let q = 0; q < 300; q++) {
  const id = services.articles.list({ limit: 1, offset: Math.floor(rand() * all) }).items[0]!.id;
  const article = JSON.parse(readFileSync(join(dir, 'articles', `${id}.json`), 'utf8')) as {
    body: { children: { text: string }[] }[];
  };
  const text = article.body.map((b) => b.children.map((c) => c.text).join('')).join('');
  const len = 2 + Math.floor(rand() * 5);
  const at = Math.floor(rand() * Math.max(1, text.length - len));
  const query = text.slice(at, at + len);
  if (query.trim().length < 2) continue;
  cpu = process.cpuUsage();
  t = performance.now();
  await services.search.query(query, 50);
  wall.push(performance.now() - t);
  cpuTimes.push(cpuMs(cpu));
}
process.stderr.write(
  `300 queries: wall p50 ${percentile(wall, 50).toFixed(1)} p95 ${percentile(wall, 95).toFixed(1)} ms, ` +
    `cpu p50 ${percentile(cpuTimes, 50).toFixed(1)} p95 ${percentile(cpuTimes, 95).toFixed(1)} ms, ` +
    `rss added ${(rssMb() - rssBefore).toFixed(1)} MB\n`,
);
report('  phases');
await runtime.close();
