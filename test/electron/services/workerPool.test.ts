// Long work runs off the thread serving requests: saves finish while a big parse is still running.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../electron/services/workerPool';
import { emptyContent } from '../../../shared/model/article';
import { openTempStore, type TempStore } from './tempStore';

/** A stand-in entry (see the file) that fails at boot or mid-task on purpose; otherwise the real worker loop. */
const ENTRY = new URL('./fixtures/workerEntry.mjs', import.meta.url);
const OPTS = { paperName: '株洲日报' };

let store: TempStore;
let pool: WorkerPool | null = null;
afterEach(async () => {
  await store?.cleanup();
  await pool?.close();
  pool = null;
  delete process.env.NEWSDESK_TEST_BOOT_MARKER;
  delete process.env.NEWSDESK_TEST_DIE_ON_TASK;
});

/** Raw copy of many lines, near the contract's 2,000,000-character limit. */
function longCopy(): string {
  const line = '株洲日报讯（记者 张三）市委常委会召开会议，研究部署下一阶段重点工作。';
  return ['标题：很长的来稿', ...Array.from({ length: 50_000 }, (_, i) => `${i} ${line}`)]
    .join('\n')
    .slice(0, 1_990_000);
}

describe('the worker pool', () => {
  it('parses raw copy on a worker while saves on the serving thread complete first', { timeout: 120_000 }, async () => {
    store = await openTempStore();
    // The desk user's own draft, which a reporter (the default role) may edit.
    const art = await store.services.articles.create('story', { headline: '稿' }, '测试');
    const order: string[] = [];
    const parse = store.dispatch('copy.parse', { text: longCopy() }).then((r) => {
      order.push('parse');
      return r;
    });
    // The parse is on a worker now: this thread is free to serve saves.
    expect(store.services.workers.running).toBe(1);
    for (let i = 0; i < 5; i++) {
      const saved = await store.dispatch('articles.save', {
        id: art.id,
        baseRevision: i + 1,
        content: { ...emptyContent('story'), headline: `第${i}次` },
      });
      expect(saved.ok).toBe(true);
      // Ordering, not wall time: each save finished while the parse was still running.
      order.push(store.services.workers.running === 1 ? 'save during parse' : 'save after parse');
    }
    const parsed = await parse;
    expect(parsed.ok).toBe(true);
    expect(order.slice(0, 5)).toEqual(Array(5).fill('save during parse'));
    expect(order[5]).toBe('parse');
  });

  it('imports copy through the worker and refuses empty copy with a typed error', async () => {
    store = await openTempStore();
    const imported = await store.dispatch('copy.import', { text: '标题：一篇来稿\n\n正文第一段。' });
    expect(imported).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(await store.dispatch('copy.import', { text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('retries a parse once on a fresh worker when the first worker dies at boot, and says why', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nd-pool-'));
    process.env.NEWSDESK_TEST_BOOT_MARKER = join(dir, 'marker');
    pool = new WorkerPool({ size: 1, entry: ENTRY });
    const errors: string[] = [];
    const was = console.error;
    console.error = (...a: unknown[]) => void errors.push(a.join(' '));
    try {
      const parsed = await pool.run('parseCopy', '标题：一篇来稿\n\n正文第一段。', OPTS);
      expect(parsed.headlineLines.length).toBeGreaterThan(0);
    } finally {
      console.error = was;
      await rm(dir, { recursive: true, force: true });
    }
    expect(pool.spawned).toBe(2);
    // The retry is logged with the first worker's own error, not just an exit code.
    expect(errors.join('\n')).toContain('boot failed on purpose');
  });

  it('fails a task whose worker dies mid-task with the worker\'s own error, without retrying it', { timeout: 60_000 }, async () => {
    process.env.NEWSDESK_TEST_DIE_ON_TASK = '1';
    pool = new WorkerPool({ size: 1, entry: ENTRY });
    // Wait until the worker has loaded, so the death is the task's, not the boot's.
    const first = pool.run('parseCopy', '标题：一篇来稿', OPTS);
    await expect(first).rejects.toThrow(/fell over mid-task/);
    expect(pool.spawned).toBe(1);
  });

  it('fails a parse cut short by closing the pool with a message that says so, not a bare exit code', { timeout: 120_000 }, async () => {
    pool = new WorkerPool({ size: 1 });
    const parse = pool.run('parseCopy', longCopy(), OPTS);
    const outcome = parse.then(
      () => 'finished',
      (e: Error) => e.message,
    );
    await pool.close();
    // Closed before the worker could even load: the parse cannot have finished.
    expect(await outcome).toContain('后台任务已停止');
  });
});
