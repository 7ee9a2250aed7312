// The package: manifest, determinism, the gate with --force, and never a half file at the target.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../tempStore';
import { makeFinishedIssue, ISSUE_DATE } from './exportFixture';
import { exportTo, openPackage, TEXT_FORMATS } from './exportedPackage';

let store: TempStore;
afterEach(() => store?.cleanup());

async function finished() {
  // The chief editor's desk: these tests change approved copy in place, which only the chief editor may (issue 22).
  store = await openTempStore({ role: 'chief-editor' });
  return makeFinishedIssue(store.services);
}

describe('the issue package', () => {
  it('lists the issue, pages, slots in order, each story with revision and files, photos with credit, and every file hash', async () => {
    const { ids } = await finished();
    const { zipPath } = await exportTo(store, 'a.zip', TEXT_FORMATS);
    const { files, manifest } = await openPackage(zipPath);
    expect(Object.keys(files)[0]).toBe('manifest.json');
    expect(manifest.pages.map((p) => [p.label, p.slots.map((s) => s.articleId)])).toEqual([
      ['A01', [ids[0], ids[1]]],
      ['A02', [ids[2]]],
    ]);
    expect(manifest.stories.map((s) => [s.id, s.revision, s.page])).toEqual([
      [ids[0], 2, 'A01'],
      [ids[1], 2, 'A01'],
      [ids[2], 2, 'A02'],
    ]);
    expect(Object.keys(manifest.stories[0]!.files).sort()).toEqual(['docx', 'icml', 'json', 'nitf', 'txt']);
    expect(manifest.stories[0]!.photos).toEqual([
      { order: 1, file: `photos/A01-01-${ids[0]}-1.png`, caption: '平台调度中心一角。', credit: '全媒体记者 王强 摄' },
    ]);
    const others = Object.keys(files).filter((f) => f !== 'manifest.json');
    expect(Object.keys(manifest.files)).toEqual(others);
    for (const f of others) expect(manifest.files[f]).toBe(createHash('sha256').update(files[f]!).digest('hex'));
  });

  it('exporting twice gives byte-identical files and an identical zip', async () => {
    await finished();
    const first = await openPackage((await exportTo(store, 'one.zip', TEXT_FORMATS)).zipPath);
    // A save elsewhere that does not touch the placed stories must not change the package either.
    await store.services.articles.create('story', { headline: '无关稿件' }, '测试');
    const second = await openPackage((await exportTo(store, 'two.zip', TEXT_FORMATS)).zipPath);
    expect(Object.keys(second.files)).toEqual(Object.keys(first.files));
    for (const [name, bytes] of Object.entries(first.files))
      expect(Buffer.from(second.files[name]!).equals(Buffer.from(bytes)), name).toBe(true);
    expect(Buffer.from(second.zipBytes).equals(Buffer.from(first.zipBytes))).toBe(true);
  });

  it('sends progress events for the stories and the zip', async () => {
    await finished();
    const phases: string[] = [];
    store.onEvent((e) => {
      if (e.event === 'export.progress') phases.push(`${e.phase} ${e.done}/${e.total}`);
    });
    await exportTo(store, 'p.zip', ['nitf']);
    expect(phases).toEqual(['gate 0/3', 'stories 1/3', 'stories 2/3', 'stories 3/3', 'zip 0/1', 'done 1/1']);
  });
});

describe('the export gate', () => {
  async function spoil(ids: string[]) {
    const s = store.services;
    const a0 = await s.articles.get(ids[0]!);
    // Photo without credit, and back to edited (not approved).
    await s.articles.update(a0.id, a0.revision, '测试', (a) => ({
      ...a,
      status: 'edited',
      body: a.body.map((b) => (b.type === 'photo' ? { ...b, credit: null } : b)),
    }));
    const a2 = await s.articles.get(ids[2]!);
    await s.articles.update(a2.id, a2.revision, '测试', (a) => ({
      ...a,
      body: [...a.body, { type: 'paragraph', children: [{ text: '超'.repeat(4000) }] }],
    }));
  }

  it('refuses listing every problem at once and writes nothing', async () => {
    const { ids } = await finished();
    await spoil(ids);
    const { zipPath, result } = await exportTo(store, 'refused.zip', TEXT_FORMATS);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.problems.map((p) => [p.code, p.articleId])).toEqual([
      ['not_approved', ids[0]],
      ['photo_without_credit', ids[0]],
      ['overset', ids[2]],
    ]);
    expect(result.problems[2]!.message).toMatch(/超 \d+ 行（估算）（容差 1 行）/);
    expect(existsSync(zipPath)).toBe(false);
  });

  it('overset within the tolerance in settings passes', async () => {
    const { ids } = await finished();
    await spoil(ids);
    store.services.settings.update({ exportOversetTolerance: 10_000 });
    const { result } = await exportTo(store, 'tol.zip', TEXT_FORMATS);
    expect(result.status === 'refused' && result.problems.map((p) => p.code)).toEqual([
      'not_approved',
      'photo_without_credit',
    ]);
  });

  it('--force exports anyway as a draft with the problems in the manifest', async () => {
    const { ids } = await finished();
    await spoil(ids);
    const { zipPath, result } = await exportTo(store, 'forced.zip', TEXT_FORMATS, true);
    expect(result.status).toBe('exported');
    const { manifest } = await openPackage(zipPath);
    expect(manifest.draft).toBe(true);
    expect(manifest.problems.map((p) => p.code)).toEqual(['not_approved', 'photo_without_credit', 'overset']);
  });
});

describe('never a half file', () => {
  it('a missing photo names the story and leaves nothing at the target, not even a temp file', async () => {
    await finished();
    const target = join(store.dir, 'out', 'missing.zip');
    await exportTo(store, 'ok.zip', ['nitf']);
    for (const f of await readdir(join(store.dir, 'assets'))) await rm(join(store.dir, 'assets', f));
    const res = await store.client.call('export.issue', { date: ISSUE_DATE, out: target, formats: TEXT_FORMATS });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toContain('两株企获评国家级工业互联网试点示范');
    expect(res.error.message).toContain('第 1 张图片');
    expect(existsSync(target)).toBe(false);
    expect((await readdir(dirname(target))).sort()).toEqual(['ok.zip']);
  });

  it('a target that cannot be written leaves the previous file whole', async () => {
    await finished();
    const { zipPath } = await exportTo(store, 'keep.zip', ['nitf']);
    const before = (await openPackage(zipPath)).zipBytes;
    // A directory where the temp file should go makes the write fail after the zip is built.
    const blocked = join(store.dir, 'out', 'keep.zip', 'inside.zip');
    const res = await store.client.call('export.issue', { date: ISSUE_DATE, out: blocked, formats: ['nitf'] });
    expect(res.ok).toBe(false);
    expect(Buffer.from((await openPackage(zipPath)).zipBytes).equals(Buffer.from(before))).toBe(true);
  });
});
