// SIGKILL in the middle of a batch write (one story pack per batch): killed with the pack written and
// fsynced under its temp name but not renamed, the batch was never acknowledged and is discarded whole;
// killed at any other moment, every acknowledged story is there. Each story is old or new and whole, with
// a valid rev tree and its history; the next open removes the temp pack.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaves, revisionsOf, winner } from '../../../../electron/services/revisionTree/revTree';
import type { StoredArticle } from '../../../../shared/model/syncFields';
import { openTempStore } from '../tempStore';

const CHILD = join(import.meta.dirname, '..', 'fixtures', 'batchLoop.ts');

/** Runs the batch loop and SIGKILLs it at its `stopAt`th pack rename, or `afterMs` after its first ack. */
function runAndKill(dir: string, opts: { stopAt?: number; afterMs?: number }): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(opts.stopAt ?? 0)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<string, number>();
    let stderr = '';
    let out = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        if (line === 'between') child.kill('SIGKILL');
        if (!line.startsWith('acked ')) continue;
        for (const pair of line.slice(6).split(' ')) {
          const [id, rev] = pair.split(':');
          acked.set(id!, Number(rev));
        }
        if (opts.afterMs !== undefined && acked.size > 0) setTimeout(() => child.kill('SIGKILL'), opts.afterMs);
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(stderr))));
  });
}

/** Every story as a fresh store reads it (own file or pack entry), with the store left open. */
async function storiesThrough(dir: string) {
  const store = await openTempStore({}, dir);
  const a = store.services.articles;
  const stories: StoredArticle[] = [];
  for (const id of await a.storedIds()) stories.push(await a.getStored(id));
  return { store, stories };
}

const isTemp = (n: string) => n.endsWith('.tmp');

describe('a batch write killed part-way', () => {
  it(
    'leaves each story old or new with a valid rev tree and its history, and the next open cleans up',
    { timeout: 240_000 },
    async () => {
      // The first pack creates the stories; each later batch is one pack. These stop at the renames of
      // packs 2, 3 and 4 (rounds 1, 2 and 3), then at random moments after the first acknowledgement.
      const cases: { stopAt?: number; afterMs?: number }[] = [
        { stopAt: 2 },
        { stopAt: 3 },
        { stopAt: 4 },
        { afterMs: 40 },
        { afterMs: 150 },
      ];
      for (const c of cases) {
        const dir = await mkdtemp(join(tmpdir(), 'newsdesk-batch-crash-'));
        try {
          const acked = await runAndKill(dir, c);
          if (c.stopAt) expect((await readdir(join(dir, 'packs'))).some(isTemp)).toBe(true);
          // No file per story: a batch-written story has no own file and no revision folder.
          expect(await readdir(join(dir, 'articles'))).toEqual([]);
          expect(await readdir(join(dir, 'revisions')).catch(() => [])).toEqual([]);
          const { store: reopened, stories } = await storiesThrough(dir);
          try {
            expect(stories).toHaveLength(12);
            expect((await readdir(join(dir, 'packs'))).some(isTemp)).toBe(false);
            const revisions = new Set(stories.map((s) => s.revision));
            // A pack is all or nothing: every story at one version, the last pack renamed into place.
            expect(revisions.size).toBe(1);
            if (c.stopAt) expect([...revisions]).toEqual([c.stopAt - 1]);
            for (const s of stories) {
              expect(winner(s._revTree!)).toBe(s._rev);
              expect(leaves(s._revTree!)).toEqual([{ rev: s._rev, deleted: false }]);
              expect(revisionsOf(s._revTree!, s._rev!).ids).toHaveLength(s.revision);
              expect(s.headline).toMatch(s.revision === 1 ? /^稿\d+$/ : `第${s.revision}版`);
              expect(s.revision).toBeGreaterThanOrEqual(acked.get(s.id) ?? 0);
              // History is in the same pack as the story: every version from 1 up to the current one.
              const history = (await reopened.services.revisions.list(s.id)).map((m) => m.revision);
              expect(history).toEqual(Array.from({ length: s.revision }, (_, k) => s.revision - k));
              expect((await reopened.services.revisions.get(s.id, s.revision)).headline).toBe(s.headline);
              expect(reopened.services.articles.summary(s.id)?.revision).toBe(s.revision);
            }
          } finally {
            await reopened.close();
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    },
  );
});
