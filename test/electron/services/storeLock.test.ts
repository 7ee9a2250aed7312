import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/host/server';
import {
  LOCK_FILE,
  processStartTime,
  StoreLock,
  storeRealPath,
  type LockOwner,
} from '../../../electron/services/storeLock';
import { connectToOwner } from '../../../electron/runtime/storeOwnerClient';
import { openRuntime } from '../../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';
import { makeTempDir } from './tempStore';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A pid that certainly ran and ended: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function owner(extra: Partial<LockOwner>): LockOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    startTime: processStartTime(process.pid),
    startedAt: new Date().toISOString(),
    port: null,
    token: null,
    ...extra,
  };
}

describe('the store lock', () => {
  it('is created exclusively, readable only by the user, and names its process', async () => {
    dir = await makeTempDir();
    const first = await StoreLock.acquire(dir);
    expect(first.acquired).toBe(true);
    expect((await stat(join(dir, LOCK_FILE))).mode & 0o777).toBe(0o600);
    const second = await StoreLock.acquire(dir);
    expect(second).toMatchObject({ acquired: false, owner: { pid: process.pid, hostname: hostname() } });
    if (!first.acquired) return;
    await first.lock.publish(4321, 'tok');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ port: 4321, token: 'tok' });
    expect((await stat(join(dir, LOCK_FILE))).mode & 0o777).toBe(0o600);
    await first.lock.release();
    expect((await StoreLock.acquire(dir)).acquired).toBe(true);
  });

  it('takes over a lock whose process is dead', async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(owner({ pid: deadPid() })));
    expect((await StoreLock.acquire(dir)).acquired).toBe(true);
  });

  it.runIf(processStartTime(process.pid) !== null)(
    'takes over when the pid was reused by another process',
    async () => {
      dir = await makeTempDir();
      await writeFile(join(dir, LOCK_FILE), JSON.stringify(owner({ startTime: '1' })));
      expect((await StoreLock.acquire(dir)).acquired).toBe(true);
    },
  );

  it('never takes over a lock held from another machine', async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(owner({ pid: deadPid(), hostname: 'other-host' })));
    expect(await StoreLock.acquire(dir)).toMatchObject({ acquired: false, owner: { hostname: 'other-host' } });
  });

  it('lets exactly one of many contenders take over a stale lock', async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(owner({ pid: deadPid() })));
    const results = await Promise.all(Array.from({ length: 8 }, () => StoreLock.acquire(dir)));
    expect(results.filter((r) => r.acquired)).toHaveLength(1);
  });

  it('a second runtime on an owned store without an endpoint opens read-only and refuses writes', async () => {
    dir = await makeTempDir();
    const settings = () => new SettingsService(memorySettingsBackend({ userName: 't' }));
    const first = await openRuntime({ dataDir: dir, settings: settings(), version: 't' });
    const second = await openRuntime({ dataDir: dir, settings: settings(), version: 't' });
    try {
      expect(first.access.mode).toBe('owner');
      expect(second.access).toMatchObject({ mode: 'read-only', code: 'read_only' });
      expect(await second.dispatch('articles.create', { kind: 'story' })).toMatchObject({
        ok: false,
        error: { code: 'read_only', message: expect.stringContaining(String(process.pid)) },
      });
      expect(await second.dispatch('articles.list', {})).toMatchObject({ ok: true });
    } finally {
      await second.close();
      await first.close();
    }
    await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow();
  });

  it("takes over a live owner's lock that names another folder (carried over by a copy), not one naming this folder", async () => {
    dir = await makeTempDir();
    const original = join(dir, 'original');
    const copy = join(dir, 'copy');
    await mkdir(original);
    await mkdir(copy);
    const live = owner({ store: { id: 'x', path: await storeRealPath(original) } });
    await writeFile(join(copy, LOCK_FILE), JSON.stringify(live));
    const taken = await StoreLock.acquire(copy);
    expect(taken.acquired).toBe(true);
    if (taken.acquired) expect(taken.lock.info.store?.path).toBe(await storeRealPath(copy));
    await writeFile(join(original, LOCK_FILE), JSON.stringify(live));
    expect(await StoreLock.acquire(original)).toMatchObject({ acquired: false });
  });

  it('forwards only to an owner that answers for the same folder', async () => {
    dir = await makeTempDir();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const settings = () => new SettingsService(memorySettingsBackend({ userName: 't' }));
    // B is a store of its own, opened once and closed.
    await (await openRuntime({ dataDir: b, settings: settings(), version: 't' })).close();
    const ownerA = await openRuntime({ dataDir: a, settings: settings(), version: 't' });
    const host = await startHost({ dispatch: ownerA.dispatch, rendererDir: dir });
    try {
      await ownerA.publishEndpoint(host.port, host.token);
      const lockA = JSON.parse(await readFile(join(a, LOCK_FILE), 'utf8')) as LockOwner;
      expect(await connectToOwner(lockA, a)).not.toBeNull();
      // B's lock names B (so it is not judged carried over) but its port is A's owner, which answers for A.
      const misdirected = { ...lockA, store: { id: 'y', path: await storeRealPath(b) } };
      expect(await connectToOwner(misdirected, b)).toBeNull();
      await writeFile(join(b, LOCK_FILE), JSON.stringify(misdirected));
      const inB = await openRuntime({ dataDir: b, settings: settings(), version: 't' });
      try {
        expect(inB.access).toMatchObject({ mode: 'read-only' });
        expect(await inB.dispatch('articles.create', { kind: 'story' })).toMatchObject({ ok: false });
      } finally {
        await inB.close();
      }
      // Nothing reached A.
      expect(ownerA.services!.articles.count).toBe(0);
    } finally {
      await host.close();
      await ownerA.close();
    }
  });
});
