// SIGKILL in the middle of a group commit: every article file is old or new and whole, with a valid rev
// tree and its history; acknowledged batches survive; the next open replays the batch journal and removes
// the temp files.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaves, revisionsOf, winner } from '../../../../electron/services/revisionTree/revTree';
import { StoredArticleSchema, type StoredArticle } from '../../../../shared/model/syncFields';
import { openTempStore } from '../tempStore';

const CHILD = join(import.meta.dirname, '..', 'fixtures', 'batchLoop.ts');

/** Runs the batch loop and SIGKILLs it at its `stopAt`th article rename, or `afterMs` after its first ack. */
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

async function storiesOnDisk(dir: string): Promise<StoredArticle[]> {
  const names = (await readdir(join(dir, 'articles'))).filter((n) => n.endsWith('.json'));
  return Promise.all(
    names.map(async (n) => StoredArticleSchema.parse(JSON.parse(await readFile(join(dir, 'articles', n), 'utf8')))),
  );
}

describe('a group commit killed part-way', () => {
  it(
    'leaves each story old or new with a valid rev tree and its history, and the next open cleans up',
    { timeout: 240_000 },
    async () => {
      // 12 renames create the stories; each later batch renames 12 more. These stop inside batches 1, 2 and 3.
      const cases: { stopAt?: number; afterMs?: number }[] = [
        { stopAt: 17 },
        { stopAt: 30 },
        { stopAt: 44 },
        { afterMs: 40 },
        { afterMs: 150 },
      ];
      for (const c of cases) {
        const dir = await mkdtemp(join(tmpdir(), 'newsdesk-batch-crash-'));
        try {
          const acked = await runAndKill(dir, c);
          const stories = await storiesOnDisk(dir);
          expect(stories).toHaveLength(12);
          const revisions = new Set(stories.map((s) => s.revision));
          if (c.stopAt) {
            // Killed mid-batch: some stories already have the batch's version, the rest the one before.
            const round = Math.floor((c.stopAt - 1) / 12);
            expect([...revisions].sort()).toEqual([round, round + 1]);
            expect((await readdir(join(dir, 'articles'))).some((n) => n.endsWith('.tmp'))).toBe(true);
          }
          for (const s of stories) {
            expect(winner(s._revTree!)).toBe(s._rev);
            expect(leaves(s._revTree!)).toEqual([{ rev: s._rev, deleted: false }]);
            expect(revisionsOf(s._revTree!, s._rev!).ids).toHaveLength(s.revision);
            expect(s.headline).toMatch(s.revision === 1 ? /^稿\d+$/ : `第${s.revision}版`);
            expect(s.revision).toBeGreaterThanOrEqual(acked.get(s.id) ?? 0);
          }
          const reopened = await openTempStore({}, dir);
          expect((await readdir(join(dir, 'articles'))).some((n) => n.endsWith('.tmp'))).toBe(false);
          // A batch is journaled (one file, fsynced) before its first story file is renamed: the next open
          // replays the journal, so a batch killed mid-rename is there whole, every story at its version.
          expect(await readdir(join(dir, 'journal')).catch(() => [])).toEqual([]);
          const after = new Map((await storiesOnDisk(dir)).map((s) => [s.id, s]));
          if (c.stopAt)
            expect(new Set([...after.values()].map((s) => s.revision))).toEqual(new Set([Math.max(...revisions)]));
          for (const s of stories) {
            const now = after.get(s.id)!;
            expect(now.revision).toBeGreaterThanOrEqual(s.revision);
            expect(winner(now._revTree!)).toBe(now._rev);
            expect(now.headline).toMatch(now.revision === 1 ? /^稿\d+$/ : `第${now.revision}版`);
            // History is durable before the article file is renamed (in the journal, or fsynced).
            const history = (await reopened.services.revisions.list(s.id)).map((m) => m.revision);
            expect(history[0]).toBeGreaterThanOrEqual(now.revision);
            expect(history).toContain(now.revision);
            if (acked.has(s.id)) expect(history).toContain(acked.get(s.id));
            expect(reopened.services.articles.summary(s.id)?.revision).toBe(now.revision);
          }
          await reopened.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    },
  );
});
