import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../electron/services/store/articleStore';
import { leaves, revisionsOf, winner } from '../../../../electron/services/revisionTree/revTree';
import { StoredArticleSchema } from '../../../../shared/model/syncFields';

const CHILD = join(import.meta.dirname, 'fixtures', 'saveUntilRename.ts');

function killBetweenTempAndRename(dir: string, stopAt: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(stopAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('between')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(stderr))));
  });
}

describe('a save killed between temp write and rename', () => {
  it(
    'leaves the previous version whole with a valid rev tree, and the store carries on from it',
    { timeout: 120_000 },
    async () => {
      for (const stopAt of [2, 3, 7, 12]) {
        const dir = await mkdtemp(join(tmpdir(), 'newsdesk-sync-crash-'));
        try {
          await killBetweenTempAndRename(dir, stopAt);
          const names = await readdir(join(dir, 'articles'));
          expect(names.some((n) => n.endsWith('.tmp'))).toBe(true);
          const file = names.find((n) => n.endsWith('.json'))!;
          const stored = StoredArticleSchema.parse(JSON.parse(await readFile(join(dir, 'articles', file), 'utf8')));
          // The old version: rename number stopAt never happened, so stopAt - 1 writes are on disk.
          expect(stored.revision).toBe(stopAt - 1);
          expect(winner(stored._revTree!)).toBe(stored._rev);
          expect(leaves(stored._revTree!)).toEqual([{ rev: stored._rev, deleted: false }]);
          expect(revisionsOf(stored._revTree!, stored._rev!).ids).toHaveLength(stopAt - 1);

          const store = await ArticleStore.open({ dataDir: dir });
          expect((await readdir(join(dir, 'articles'))).some((n) => n.endsWith('.tmp'))).toBe(false);
          const next = await store.save(stored.id, stored.revision, { ...stored, headline: '重启后' }, 'after');
          const after = await store.getStored(next.id);
          expect(revisionsOf(after._revTree!, after._rev!).ids.slice(1)).toEqual(
            revisionsOf(stored._revTree!, stored._rev!).ids,
          );
          await store.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    },
  );
});
