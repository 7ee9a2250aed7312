import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDataDirChoice, isNetworkPath } from '../../../electron/services/dataDirPolicy';
import { openTempStore, type TempStore } from './tempStore';

const MOUNTS = [
  'proc /proc proc rw 0 0',
  '/dev/sda1 / ext4 rw 0 0',
  'server:/export /mnt/newsroom nfs4 rw 0 0',
  '//nas/desk /media/desk\\040share cifs rw 0 0',
].join('\n');

describe('a data folder on a network share', () => {
  it.each([
    ['\\\\nas\\desk\\store', true],
    ['//nas/desk/store', true],
    ['/mnt/newsroom/store', true],
    ['/media/desk share/store', true],
    ['/home/editor/store', false],
    ['/mnt/newsroomx/store', false],
  ])('%s is network: %s', (path, network) => {
    expect(isNetworkPath(path, MOUNTS)).toBe(network);
  });
});

describe('settings.update with a data folder', () => {
  let store: TempStore;
  let other: TempStore;
  beforeAll(async () => {
    store = await openTempStore();
    other = await openTempStore();
  });
  afterAll(async () => {
    await store.cleanup();
    await other.cleanup();
  });

  it.each([
    ['inside another store', () => join(other.dir, 'articles', 'mine')],
    ['inside the current store', () => join(store.dir, 'sub')],
    ['holding the current store', () => join(store.dir, '..')],
    ['relative', () => 'store'],
  ])('refuses a folder %s', async (_what, pick) => {
    const r = await store.dispatch('settings.update', { dataDir: pick() });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a network share', () => {
    expect(() => assertDataDirChoice('/mnt/newsroom/store', store.dir, MOUNTS)).toThrow(/网络共享/);
  });

  it('accepts another store itself and a fresh folder beside it', async () => {
    const fresh = join(other.dir, '..', `fresh-${Date.now()}`);
    await mkdir(fresh);
    expect(await store.dispatch('settings.update', { dataDir: other.dir })).toMatchObject({ ok: true });
    expect(await store.dispatch('settings.update', { dataDir: fresh })).toMatchObject({ ok: true });
  });
});
