/**
 * One start after a bulk import, in a fresh process as `newsdesk serve` would be: open the store, then the
 * first search. Prints JSON: the time to the first answer, what it found and how many stories were pending.
 */
import { localServices } from '../electron/runtime/openRuntime';
import { openBenchRuntime } from './scaleStore';

const dir = process.argv[2]!;
const t0 = performance.now();
const runtime = await openBenchRuntime(dir);
const openMs = performance.now() - t0;
const first = await localServices(runtime).search.query('株洲', 50);
const firstQueryMs = performance.now() - t0;
const t1 = performance.now();
await localServices(runtime).search.whenComplete();
const catchUpMs = performance.now() - t1;
const all = await localServices(runtime).search.query('株洲', 50);
await runtime.close();
process.stdout.write(
  JSON.stringify({
    openMs,
    firstQueryMs,
    hits: first.total,
    pending: first.pending ?? 0,
    catchUpMs,
    hitsAfter: all.total,
  }),
);
