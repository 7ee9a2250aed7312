// A real full disk: a 1 MiB tmpfs mounted for the test (needs root, as CI and the dev machines run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { openTempStore, type TempStore } from './tempStore';
import { openRuntime } from '../../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';

const mountPoint = mkdtempSync(join(tmpdir(), 'newsdesk-full-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  mounted = false;
}

let store: TempStore;
beforeAll(async () => {
  if (mounted) store = await openTempStore({}, join(mountPoint, 'store'));
});
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe.runIf(mounted)('a full disk (tmpfs of 1 MiB)', () => {
  it('refuses the save as disk_full and keeps the previous version whole', async () => {
    const a = await store.services.articles.create(
      'story',
      { ...emptyContent(), headline: '原稿', body: [paragraph('第一版正文。')] },
      '测试',
    );
    // Fill what is left of the disk.
    let i = 0;
    try {
      for (;;) writeFileSync(join(mountPoint, `filler-${i++}`), Buffer.alloc(32 * 1024, 1));
    } catch {
      // ENOSPC: the disk is full now.
    }
    const big = {
      ...emptyContent(),
      headline: '大稿',
      body: Array.from({ length: 400 }, (_, k) => paragraph(`第${k}段，很长的正文。`.repeat(10))),
    };
    const r = await store.dispatch('articles.save', { id: a.id, baseRevision: 1, content: big });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringContaining('磁盘已满') } });
    const kept = await store.services.articles.get(a.id);
    expect(kept).toMatchObject({ revision: 1, headline: '原稿' });
    expect(readdirSync(join(mountPoint, 'store', 'articles')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('opens on the full disk read-only, says the disk is full, and still lists and reads every story', async () => {
    const [summary] = store.services.articles.list({ limit: 1, offset: 0 }).items;
    await store.services.close().catch(() => undefined);
    await rm(join(mountPoint, 'store', 'owner.lock'), { force: true });
    // Still full: every byte taken by the filler files.
    const runtime = await openRuntime({
      dataDir: join(mountPoint, 'store'),
      settings: new SettingsService(memorySettingsBackend({ userName: 't' })),
      version: 'test',
    });
    try {
      expect(runtime.access).toMatchObject({
        mode: 'read-only',
        code: 'disk_full',
        message: expect.stringContaining('磁盘已满'),
      });
      const list = await runtime.client.call('articles.list', {});
      expect(list.ok && list.value.items.map((s) => s.id)).toEqual([summary!.id]);
      expect(await runtime.dispatch('articles.get', { id: summary!.id })).toMatchObject({
        ok: true,
        value: { headline: '原稿' },
      });
      expect(await runtime.dispatch('articles.create', { kind: 'story' })).toMatchObject({
        ok: false,
        error: { code: 'disk_full' },
      });
      // What the window asks at start-up to show its 只读 banner.
      expect(await runtime.client.call('store.access', {})).toEqual({
        ok: true,
        value: { mode: 'read-only', code: 'disk_full', message: expect.stringContaining('磁盘已满') },
      });
    } finally {
      await runtime.close();
    }
  });
});
