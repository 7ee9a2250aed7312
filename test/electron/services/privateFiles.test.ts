// Nothing of the store is readable by other local users: folders 0700, files 0600, whether the
// store is new or was made before (tightened at open by its owner).
import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from './tempStore';
import { TINY_PNG } from './export/exportFixture';

const posix = process.platform !== 'win32';
let store: TempStore | null = null;
afterEach(async () => {
  await store?.cleanup();
  store = null;
});

/** Every path under the folder (and the folder) whose mode lets anyone but the owner in. */
async function openToOthers(dir: string): Promise<string[]> {
  const open: string[] = [];
  if (((await stat(dir)).mode & 0o077) !== 0) open.push('.');
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    const mode = (await stat(path)).mode & 0o777;
    const expected = entry.isDirectory() ? 0o700 : 0o600;
    if (mode !== expected) open.push(`${path.slice(dir.length + 1)} ${mode.toString(8)}`);
  }
  return open;
}

async function fillStore(s: TempStore): Promise<void> {
  const { asset } = await s.services.assets.importImage('p.png', TINY_PNG);
  const made = await s.client.call('articles.create', { kind: 'story', content: { headline: '私密' } });
  if (!made.ok) throw new Error(made.error.message);
  const body = [
    { type: 'photo', asset, caption: '图', credit: { kind: 'supplied', by: '企业' }, children: [{ text: '' }] },
  ];
  await s.client.call('articles.save', {
    id: made.value.id,
    baseRevision: made.value.revision,
    content: { ...made.value, body } as never,
  });
  await s.client.call('pageplan.createIssue', { date: '2026-03-18' });
  const exported = await s.client.call('export.issue', { date: '2026-03-18', force: true, formats: ['json'] });
  expect(exported.ok).toBe(true);
}

describe.skipIf(!posix)('private files', () => {
  it('a new store: stories, revisions, photos, index, sync state and exports are 0600 in 0700 folders', async () => {
    store = await openTempStore();
    await fillStore(store);
    const names = await readdir(store.dir, { recursive: true });
    for (const part of ['articles', 'assets', 'exports', 'revisions', 'index']) {
      expect(
        names.some((n) => n.startsWith(part)),
        part,
      ).toBe(true);
    }
    expect(await openToOthers(store.dir)).toEqual([]);
  });

  it('a store made before is tightened when its owner opens it', async () => {
    store = await openTempStore();
    await fillStore(store);
    await store.close();
    // As an older version (or umask 022) left it.
    for (const entry of await readdir(store.dir, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      await chmod(path, entry.isDirectory() ? 0o755 : 0o644);
    }
    await mkdir(join(store.dir, 'stray'), { mode: 0o777 });
    await writeFile(join(store.dir, 'stray', 'note.txt'), 'x', { mode: 0o666 });
    await chmod(store.dir, 0o755);
    store = await openTempStore({}, store.dir);
    expect(await openToOthers(store.dir)).toEqual([]);
  });
});
