import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leaves } from '../../../../electron/services/revisionTree/revTree';
import { startStandInHub, type StandInHub } from './standInHub';
import { openTempStore, makeTempDir, type TempStore } from '../tempStore';
import { content, openDesk, type Desk } from './syncFixture';

const CHILD = join(import.meta.dirname, 'fixtures', 'pullChild.ts');

/** Starts a pull in a child process and SIGKILLs it once it has written `after` stories. */
function pullAndKill(dir: string, hubUrl: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, hubUrl], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let written = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      written += d
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('wrote')).length;
      if (written >= after) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(written);
      else reject(new Error(`pull finished before the kill (${written} written): ${stderr}`));
    });
  });
}

let hub: StandInHub;
let writer: Desk | null = null;
let reader: TempStore | null = null;
afterEach(async () => {
  await writer?.store.cleanup();
  await reader?.cleanup();
  await hub?.close();
});

describe('a replication killed midway', () => {
  it(
    'resumes from its checkpoint: reads only the remainder, no duplicates, same revisions',
    { timeout: 120_000 },
    async () => {
      hub = await startStandInHub();
      writer = await openDesk(hub, '写');
      const ids: string[] = [];
      for (let i = 0; i < 120; i++)
        ids.push((await writer.store.services.articles.create('story', content(`第 ${i} 篇`), '写')).id);
      await writer.replicator.push();

      const dir = await makeTempDir();
      const killedAfter = await pullAndKill(dir, hub.dbUrl, 45);
      reader = await openTempStore({}, dir);
      const present = reader.services.articles.count;
      expect(present).toBeGreaterThanOrEqual(killedAfter);
      expect(present).toBeLessThan(120);

      const resumed = await reader.services.sync.replicatorFor(hub.dbUrl, null, { batchSize: 10 }).pull();
      // Stories already on disk are not read again, even those past the last checkpoint.
      expect(resumed.fetched).toBe(120 - present);
      expect(resumed.written).toBe(120 - present);
      // The changes feed is re-read only from the last checkpoint: a pull writes two steps of the feed at
      // once (pull.ts, replicator.ts), so at most two batches before the kill.
      expect(resumed.rows).toBeLessThanOrEqual(120 - present + 2 * 10);
      expect(reader.services.articles.count).toBe(120);
      for (const id of ids) {
        const here = await reader.services.articles.getStored(id);
        const there = await writer.store.services.articles.getStored(id);
        expect(leaves(here._revTree!)).toEqual(leaves(there._revTree!));
        expect(here.revision).toBe(1);
      }
    },
  );
});
