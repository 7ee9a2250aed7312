/**
 * One measurement run in a fresh process (as a new start of the app would be): open + list, first
 * search, query p95, the memory the search index adds, and a day + status desk filter. Prints JSON.
 * Run by scaleBench.ts with --expose-gc so memory is measured after collection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentile, median } from './stats';
import { localServices } from '../electron/runtime/openRuntime';
import { LAST_DAY, openBenchRuntime, rng } from './scaleStore';

const dir = process.argv[2]!;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const rssMb = () => {
  gc();
  return process.memoryUsage().rss / 2 ** 20;
};

const t0 = performance.now();
const runtime = await openBenchRuntime(dir);
const listed = localServices(runtime).articles.list({ limit: 50, offset: 0 });
const openListMs = performance.now() - t0;
if (listed.items.length !== 50) throw new Error('listing did not return 50 stories');
const rssBefore = rssMb();
const t1 = performance.now();
const first = await localServices(runtime).search.query('株洲', 50);
const firstQueryMs = openListMs + (performance.now() - t1);
if (first.total === 0) throw new Error('first query found nothing');

// Queries: runs of 2 to 6 characters from random stories' bodies, read straight from their files.
const { items } = localServices(runtime).articles.list({ limit: 500, offset: 0, includeSpiked: true });
const all = localServices(runtime).articles.list({ limit: 1, offset: 0 }).total;
const rand = rng(7);
const times: number[] = [];
for (let q = 0; q < 300; q++) {
  const pickFrom =
    localServices(runtime).articles.list({ limit: 1, offset: Math.floor(rand() * all) }).items[0] ?? items[0]!;
  const article = JSON.parse(readFileSync(join(dir, 'articles', `${pickFrom.id}.json`), 'utf8')) as {
    body: { children: { text: string }[] }[];
  };
  const text = article.body.map((b) => b.children.map((c) => c.text).join('')).join('');
  const len = 2 + Math.floor(rand() * 5);
  const at = Math.floor(rand() * Math.max(1, text.length - len));
  const query = text.slice(at, at + len);
  if (query.trim().length < 2) continue;
  const t = performance.now();
  const r = await localServices(runtime).search.query(query, 50);
  times.push(performance.now() - t);
  if (r.total === 0) throw new Error(`query ${query} found nothing`);
}
const rssAfter = rssMb();

// Desk: one day (in the paper's time zone, UTC+8) and one status, first page; 20 different days.
const filterTimes: number[] = [];
for (let d = 0; d < 20; d++) {
  const dayStart = LAST_DAY - d * 3 * 86_400_000 - 8 * 3_600_000;
  const t = performance.now();
  const page = localServices(runtime).articles.list({
    limit: 50,
    offset: 0,
    status: ['draft'],
    updatedFrom: new Date(dayStart).toISOString(),
    updatedTo: new Date(dayStart + 86_400_000).toISOString(),
  });
  filterTimes.push(performance.now() - t);
  if (page.total === 0) throw new Error('day filter found nothing');
}
await runtime.close();
process.stdout.write(
  JSON.stringify({
    openListMs,
    firstQueryMs,
    queryP95: percentile(times, 95),
    rssMb: rssAfter - rssBefore,
    filterMs: median(filterTimes),
    filterFirstMs: filterTimes[0],
  }),
);
