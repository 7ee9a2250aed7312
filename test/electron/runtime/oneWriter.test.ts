// One writer per store, across processes: the failures the hardening issue found, reproduced.
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent, type Article } from '../../../shared/model/article';
import { makeTempDir, openTempStore, type TempStore } from '../services/tempStore';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { startStoreProcess, type StoreProcess } from './storeProcesses';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'newsdesk.js');

let procs: StoreProcess[] = [];
let store: TempStore | null = null;
let host: RunningHost | null = null;
let dir = '';
afterEach(async () => {
  await Promise.all(procs.map((p) => p.exit()));
  procs = [];
  await host?.close();
  host = null;
  await store?.cleanup();
  store = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
}, 60_000);

function cli(storeDir: string, ...args: string[]) {
  return run(process.execPath, [BIN, ...args], {
    env: { ...process.env, NEWSDESK_STORE: storeDir, NEWSDESK_CONFIG_DIR: join(storeDir, '..', 'config') },
  }).catch((e: { code: number; stdout: string; stderr: string }) => e);
}

describe('two processes saving the same story on the same base revision', () => {
  it('acknowledge exactly one save per round; the other gets a conflict', { timeout: 120_000 }, async () => {
    dir = await makeTempDir();
    const a = await startStoreProcess(dir, '甲');
    procs.push(a);
    const b = await startStoreProcess(dir, '乙');
    procs.push(b);
    expect([a.mode, b.mode]).toEqual(['owner', 'remote']);
    const created = await a.call('articles.create', { kind: 'story', content: { headline: '原稿' } });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as Article).id;
    let base = 1;
    for (let round = 0; round < 40; round++) {
      const both = await Promise.all(
        [a, b].map((p, i) =>
          p.call('articles.save', {
            id,
            baseRevision: base,
            content: { ...emptyContent('story'), headline: `第${round}轮 ${i}` },
          }),
        ),
      );
      const acknowledged = both.filter((r) => r.ok);
      expect(acknowledged, `round ${round}`).toHaveLength(1);
      expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      base++;
    }
    // Every acknowledged save is in the history, in order.
    const history = await a.call('revisions.list', { id });
    expect(history.ok && (history.value as { revision: number }[]).map((m) => m.revision)).toEqual(
      Array.from({ length: 41 }, (_, i) => 41 - i),
    );
  });
});

describe('a second process while the store is owned', () => {
  it("a read-only `newsdesk list` never deletes the owner's temp files in progress", async () => {
    store = await openTempStore();
    await store.services.articles.create('story', { headline: '稿' }, '测试');
    // The owner's saves in flight: temp files it has not renamed yet.
    const inFlight = [
      join(store.dir, 'articles', '.a-x.json.1.abcd.tmp'),
      join(store.dir, 'revisions', '.a-x.tmp'),
      join(store.dir, 'index', '.articles.snapshot.json.1.abcd.tmp'),
    ];
    await mkdir(join(store.dir, 'revisions'), { recursive: true });
    for (const f of inFlight) await writeFile(f, 'half a save');
    const listed = await cli(store.dir, 'list');
    expect(listed.stdout).toContain('稿');
    for (const f of inFlight) {
      const folder = join(f, '..');
      expect(await readdir(folder), f).toContain(f.slice(folder.length + 1));
    }
    // This owner publishes no endpoint, so the CLI reads only, and says so.
    expect(listed.stderr).toMatch(/只能读取/);
    const refused = await cli(store.dir, 'call', 'articles.create', '{"kind":"story"}');
    expect(refused.stderr).toMatch(/read_only/);
  });

  it('a CLI save goes to the owner: its listing, search and events see it at once', async () => {
    store = await openTempStore();
    const art = await store.services.articles.create('story', { headline: '旧标题' }, '测试');
    host = await startHost({ dispatch: store.dispatch, rendererDir: null });
    await store.publishEndpoint(host.port, host.token);
    const events: unknown[] = [];
    store.onEvent((e) => events.push(e));
    const saved = await cli(
      store.dir,
      'call',
      'articles.save',
      JSON.stringify({
        id: art.id,
        baseRevision: 1,
        content: { ...emptyContent('story'), headline: '命令行改的新标题' },
      }),
    );
    expect(saved.stderr).toBe('');
    expect(store.services.articles.summary(art.id)?.headline).toBe('命令行改的新标题');
    const found = await store.services.search.query('命令行', 10);
    expect(found.hits.map((h) => h.id)).toContain(art.id);
    expect(events).toContainEqual(expect.objectContaining({ event: 'article.saved', id: art.id, revision: 2 }));
  });
});
