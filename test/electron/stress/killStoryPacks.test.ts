// SIGKILL at random moments while a process writes stories in batches, one story pack each (as a pull
// writes its pages and an import its batches): at reopen every acknowledged story is there, whole, with
// its history; no pack is half-written, no temp file is left. A SIGKILL keeps what the kernel was given,
// so this proves the order of the writes and what the open makes of them, not the fsyncs (the pack's
// fsync before its rename is what a power loss needs; groupCommitCrash.test.ts kills at that rename).
// Counts: small in `npm test`, more with NEWSDESK_KILLS.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { localServices, openRuntime } from '../../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';

const KILLS = Number(process.env.NEWSDESK_KILLS ?? (process.env.NEWSDESK_STRESS ? 200 : 12));
const STORIES = 40;

async function bundle(dir: string): Promise<string> {
  const outfile = join(dir, 'batchWriter.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'batchWriter.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

/** Runs the writer until a random moment after its first acknowledged batch, then SIGKILLs it. */
function runAndKill(script: string, dir: string, acked: Map<string, { revision: number; headline: string }>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, String(STORIES)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('acked ')) return;
      for (const item of line.slice(6).split(' ').filter(Boolean)) {
        const [id, revision, headline] = item.split(':') as [string, string, string];
        if ((acked.get(id)?.revision ?? 0) < Number(revision)) acked.set(id, { revision: Number(revision), headline });
      }
      // Inside the pack's write, its rename, the index lines after it, or the next batch's reads.
      timer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * 400);
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the writer exited ${code}: ${stderr.slice(-800)}`));
    });
  });
}

describe('SIGKILL during batch writes into story packs', () => {
  it(
    `loses no acknowledged story and leaves no half-written file across ${KILLS} kills`,
    { timeout: Math.max(600_000, KILLS * 20_000) },
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'newsdesk-pack-kill-'));
      const dir = join(work, 'store');
      try {
        const script = await bundle(work);
        const acked = new Map<string, { revision: number; headline: string }>();
        for (let k = 0; k < KILLS; k++) await runAndKill(script, dir, acked);
        expect(acked.size).toBe(STORIES);

        const check = await openRuntime({
          dataDir: dir,
          settings: new SettingsService(memorySettingsBackend({ userName: 'check' })),
          version: 'stress',
        });
        const s = localServices(check);
        try {
          expect(check.access.mode).toBe('owner');
          expect(await s.articles.quarantined()).toEqual([]);
          // Every story whole: read through the store, each pack entry checked against its sha1 and
          // parsed as a stored story (an entry cut short would fail both), none quarantined above.
          const ids = await s.articles.storedIds();
          expect(ids).toHaveLength(STORIES);
          for (const id of ids) await s.articles.getStored(id);
          // Batch-written stories have no file or folder of their own.
          expect(await readdir(join(dir, 'articles'))).toEqual([]);
          const leftovers = (await readdir(dir, { recursive: true })).filter(
            (n) => /\.tmp$/.test(n) || /\.batch$/.test(n),
          );
          expect(leftovers).toEqual([]);
          let lost = 0;
          let historyLost = 0;
          for (const [id, want] of acked) {
            const story = await s.articles.get(id);
            if (
              story.revision < want.revision ||
              (story.revision === want.revision && story.headline !== want.headline)
            )
              lost++;
            const old = await s.revisions.get(id, want.revision).catch(() => null);
            if (!old || old.headline !== want.headline) historyLost++;
            expect(s.articles.summary(id)?.revision).toBe(story.revision);
          }
          console.log(`[pack kill stress] ${JSON.stringify({ kills: KILLS, stories: acked.size, lost, historyLost })}`);
          expect({ lost, historyLost }).toEqual({ lost: 0, historyLost: 0 });
        } finally {
          await check.close();
        }
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  );
});
