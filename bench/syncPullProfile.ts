/**
 * One pull of 10,000 stories from the stand-in hub into an empty desk, alone, for profiling the pull
 * (`node --cpu-prof --import tsx bench/syncPullProfile.ts`); prints the pull's time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import { localServices } from '../electron/runtime/openRuntime';
import { fill, openDesk, startHubProcess } from './syncBench';

/** User and system CPU time of this process (all its threads) since `from`. */
function cpuMs(from: NodeJS.CpuUsage): string {
  const d = process.cpuUsage(from);
  return `user ${Math.round(d.user / 1000)} ms, system ${Math.round(d.system / 1000)} ms`;
}

const root = await mkdtemp(join(tmpdir(), 'newsdesk-pull-profile-'));
const hub = await startHubProcess();
try {
  await fill(hub);
  const desk = await openDesk(join(root, 'pull'));
  const cpu = process.cpuUsage();
  const t = performance.now();
  const pulled = await localServices(desk).sync.replicatorFor(hub.dbUrl, null).pull();
  process.stdout.write(`pull ${Math.round(performance.now() - t)} ms, ${pulled.written} written, cpu ${cpuMs(cpu)}\n`);
  const tc = performance.now();
  await desk.close();
  process.stdout.write(`close ${Math.round(performance.now() - tc)} ms\n`);
  const onDisk = new PouchDB(join(root, 'reference-leveldb'), { adapter: 'leveldb' });
  const cpuL = process.cpuUsage();
  const tl = performance.now();
  await onDisk.replicate.from(new PouchDB(hub.dbUrl), { batch_size: 500 });
  process.stdout.write(`PouchDB leveldb ${Math.round(performance.now() - tl)} ms, cpu ${cpuMs(cpuL)}\n`);
  await onDisk.destroy();
} finally {
  await hub.close();
  await rm(root, { recursive: true, force: true });
}
