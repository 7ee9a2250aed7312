// SIGKILL at random moments while several processes save the same stories: the owner (with its
// loopback host) and writers forwarding to it. Every acknowledged save must survive in the story
// file and in its revision history. Counts: small in `npm test`, 1,000 kills in `npm run test:stress`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { localServices, openRuntime } from '../../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';

const KILLS = Number(process.env.NEWSDESK_KILLS ?? (process.env.NEWSDESK_STRESS ? 1000 : 15));
const WRITERS = 4;
const STORIES = 6;
/** Revisions the store keeps per story (RevisionStore.keepRecent); older acknowledged ones may be pruned by design. */
const KEPT = 200;

interface Writer {
  name: string;
  child: ChildProcess;
  mode: string;
  acksSinceStart: number;
}

async function bundleWriter(dir: string): Promise<string> {
  // Bundled once, so each of the thousands of restarts takes a fraction of tsx's start-up time.
  const outfile = join(dir, 'writer.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'writer.ts')],
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

describe('SIGKILL during saves from several writers', () => {
  it(
    `loses no acknowledged save and no history entry across ${KILLS} kills`,
    { timeout: Math.max(3_600_000, KILLS * 10_000) },
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'newsdesk-kill-'));
      const dir = join(work, 'store');
      const script = await bundleWriter(work);
      const settings = () => new SettingsService(memorySettingsBackend({ userName: 'setup' }));
      const setup = await openRuntime({ dataDir: dir, settings: settings(), version: 'stress' });
      const ids: string[] = [];
      for (let i = 0; i < STORIES; i++)
        ids.push((await localServices(setup).articles.create('story', { headline: `稿${i}` }, 's')).id);
      await setup.close();

      const acked: { id: string; revision: number; headline: string }[] = [];
      const problems: string[] = [];
      let kills = 0;
      let crashes = 0;
      let stopping = false;
      const writers = new Map<string, Writer>();
      const exited: Promise<void>[] = [];

      function start(name: string): void {
        const child = spawn(process.execPath, [script, dir, name, ids.join(',')], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const w: Writer = { name, child, mode: 'starting', acksSinceStart: 0 };
        writers.set(name, w);
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const [kind, a, b, c] = line.split(' ');
          if (kind === 'ready') w.mode = a!;
          else if (kind === 'ack') {
            acked.push({ id: a!, revision: Number(b), headline: c! });
            w.acksSinceStart++;
          } else if (kind === 'internal' || kind === 'error') problems.push(line);
        });
        exited.push(
          new Promise((resolve) =>
            child.on('exit', (code, signal) => {
              // Killed by us, or its owner was killed (code 3): start again. Anything else is a crash.
              if (signal !== 'SIGKILL' && code !== 3) {
                crashes++;
                problems.push(`${name} exited ${code}: ${stderr.slice(-500)}`);
              }
              if (!stopping) start(name);
              resolve();
            }),
          ),
        );
      }

      try {
        for (let i = 0; i < WRITERS; i++) start(`w${i}`);
        while (kills < KILLS) {
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
          const saving = [...writers.values()].filter((w) => w.acksSinceStart > 0 && w.child.exitCode === null);
          if (saving.length === 0) continue;
          const owner = saving.find((w) => w.mode === 'owner');
          const victim = owner && Math.random() < 0.25 ? owner : saving[Math.floor(Math.random() * saving.length)]!;
          // At a random moment inside the saves that follow, not on a line boundary.
          await new Promise((r) => setTimeout(r, Math.random() * 15));
          if (victim.child.kill('SIGKILL')) kills++;
          if (kills % 100 === 0) console.log(`[kill stress] ${kills} kills, ${acked.length} acknowledged saves so far`);
          victim.acksSinceStart = 0;
        }
      } finally {
        stopping = true;
        for (const w of writers.values()) w.child.kill('SIGKILL');
        await Promise.all(exited);
      }

      const check = await openRuntime({ dataDir: dir, settings: settings(), version: 'stress' });
      let filesLost = 0;
      let historyLost = 0;
      let historyChecked = 0;
      try {
        const s = localServices(check);
        expect(check.access.mode).toBe('owner');
        expect(await s.articles.quarantined()).toEqual([]);
        for (const id of ids) {
          const article = await s.articles.get(id);
          const mine = acked.filter((x) => x.id === id);
          const newest = mine.reduce((m, x) => Math.max(m, x.revision), 0);
          if (article.revision < newest) filesLost++;
          const last = mine.find((x) => x.revision === article.revision);
          if (last && last.headline !== article.headline) filesLost++;
          for (const x of mine.filter((m) => m.revision > article.revision - KEPT)) {
            historyChecked++;
            const old = await s.revisions.get(id, x.revision).catch(() => null);
            if (!old || old.headline !== x.headline) historyLost++;
          }
        }
      } finally {
        await check.close();
        await rm(work, { recursive: true, force: true });
      }
      const figures = { kills, acknowledgedSaves: acked.length, filesLost, historyLost, historyChecked, crashes };
      console.log(`[kill stress] ${JSON.stringify(figures)}`);
      expect(problems).toEqual([]);
      expect(kills).toBe(KILLS);
      // Each kill waits for its victim's first acknowledged save, so there are at least as many saves as
      // kills; on a loaded machine a writer may manage only that one before it dies.
      expect(acked.length).toBeGreaterThanOrEqual(KILLS);
      expect(historyChecked).toBeGreaterThanOrEqual(Math.min(KILLS, KEPT));
      expect({ filesLost, historyLost, crashes }).toEqual({ filesLost: 0, historyLost: 0, crashes: 0 });
    },
  );
});
