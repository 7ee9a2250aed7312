import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../electron/services/store/articleStore';
import { ArticleSchema } from '../../../shared/model/article';

const CHILD = join(import.meta.dirname, 'fixtures', 'saveLoop.ts');

/** Runs the save loop until it has saved `after` more times (plus a random few ms), then SIGKILLs it. */
function runAndKill(dir: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let saved = 0;
    let killing = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      saved += d
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('saved')).length;
      if (saved >= after && !killing) {
        killing = true;
        // Kill at a random point inside a later save, not on a line boundary.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 4);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(saved);
      else reject(new Error(`save loop exited without being killed: ${stderr}`));
    });
  });
}

describe('a save killed with SIGKILL', () => {
  it('leaves every article file whole across at least 200 saves', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-crash-'));
    let total = 0;
    let kills = 0;
    try {
      while (total < 200) {
        total += await runAndKill(dir, 5 + Math.floor(Math.random() * 20));
        kills++;
        const names = (await readdir(join(dir, 'articles'))).filter((n) => !n.endsWith('.tmp'));
        for (const name of names) {
          const text = await readFile(join(dir, 'articles', name), 'utf8');
          expect(() => ArticleSchema.parse(JSON.parse(text)), `${name} after kill ${kills}`).not.toThrow();
        }
        const store = await ArticleStore.open({ dataDir: dir });
        expect(store.count).toBe(5);
        expect(await store.quarantined()).toEqual([]);
        // The index agrees with the files after recovery.
        for (const s of store.list({ limit: 10, offset: 0 }).items) {
          expect((await store.get(s.id)).revision).toBe(s.revision);
        }
      }
      expect(total).toBeGreaterThanOrEqual(200);
      expect(kills).toBeGreaterThan(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
