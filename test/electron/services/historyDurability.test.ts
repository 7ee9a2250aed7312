// Revision history as durable as the story; temp files cleaned in every folder by the owner.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/model/article';
import { openTempStore, type TempStore } from './tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

describe('revision history', () => {
  it('a save whose history entry cannot be written is not acknowledged and leaves the story as it was', async () => {
    store = await openTempStore();
    const art = await store.services.articles.create('story', { headline: '原稿' }, '测试');
    const revisions = store.services.revisions;
    const recordBatch = revisions.recordBatch.bind(revisions);
    revisions.recordBatch = async () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const r = await store.dispatch('articles.save', {
      id: art.id,
      baseRevision: 1,
      content: { ...emptyContent('story'), headline: '新稿' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(await store.services.articles.get(art.id)).toMatchObject({ revision: 1, headline: '原稿' });
    revisions.recordBatch = recordBatch;
    const again = await store.dispatch('articles.save', {
      id: art.id,
      baseRevision: 1,
      content: { ...emptyContent('story'), headline: '新稿' },
    });
    expect(again).toMatchObject({ ok: true, value: { revision: 2 } });
    expect((await revisions.list(art.id)).map((m) => m.revision)).toEqual([2, 1]);
  });

  it('every acknowledged save has its history entry on disk before the reply', async () => {
    store = await openTempStore();
    const art = await store.services.articles.create('story', { headline: '稿' }, '测试');
    for (let i = 1; i <= 5; i++) {
      const saved = await store.services.articles.save(
        art.id,
        i,
        { ...emptyContent('story'), headline: `第${i}版` },
        '测试',
      );
      const onDisk = JSON.parse(await readFile(join(store.dir, 'revisions', art.id, `${saved.revision}.json`), 'utf8'));
      expect(onDisk).toMatchObject({ revision: saved.revision, headline: `第${i}版` });
    }
  });
});

describe('temp files left by a killed process', () => {
  it('are removed from every folder the store writes at the next open by the owner', async () => {
    store = await openTempStore();
    const art = await store.services.articles.create('story', { headline: '稿' }, '测试');
    await store.abandon();
    const left = [
      join('articles', '.x.json.1.ab.tmp'),
      join('revisions', art.id, '.2.json.1.ab.tmp'),
      join('revisions', '.x.tmp'),
      join('index', '.articles.snapshot.json.1.ab.tmp'),
      join('issues', '.2026-01-01.json.1.ab.tmp'),
      join('assets', '.abc.png.1.ab.tmp'),
      '.owner.lock.ab.tmp',
    ];
    await mkdir(join(store.dir, 'assets'), { recursive: true });
    for (const f of left) await writeFile(join(store.dir, f), 'half');
    store = await openTempStore({}, store.dir);
    // articles/ is cleaned by the check of every article file at open, which runs in the background.
    await store.services.articles.whenChecked();
    for (const f of left) {
      const folder = join(store.dir, f, '..');
      expect(await readdir(folder), f).not.toContain(f.split('/').pop());
    }
  });
});

describe('a damaged article file', () => {
  it('is found at open after a clean close, quarantined and never listed', async () => {
    store = await openTempStore();
    const good = await store.services.articles.create('story', { headline: '好' }, '测试');
    const bad = await store.services.articles.create('story', { headline: '坏' }, '测试');
    const file = join(store.dir, 'articles', `${bad.id}.json`);
    const text = await readFile(file, 'utf8');
    await store.services.close();
    await writeFile(file, text.slice(0, text.length >> 1));
    store = await store.reopen();
    expect(store.services.articles.list({ limit: 10, offset: 0 }).items.map((s) => s.id)).toEqual([good.id]);
    expect((await store.services.articles.quarantined()).map((q) => q.file).join()).toContain(bad.id);
  });
});
