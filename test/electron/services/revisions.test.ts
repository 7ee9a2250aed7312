import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { RevisionStore } from '../../../electron/services/revisionStore';
import { openTempStore, type TempStore } from './tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

describe('revisions', () => {
  it('keeps every save with who and when, and restores one as a new revision', async () => {
    // The copy desk: it edits a reporter's draft and submitted copy (a reporter edits only her own drafts).
    store = await openTempStore({ userName: '高晓燕', role: 'copy-editor' });
    const a = await store.services.articles.create(
      'story',
      { ...emptyContent(), headline: '初稿', body: [paragraph('第一版。')] },
      '高晓燕',
    );
    await store.services.articles.save(
      a.id,
      1,
      { ...emptyContent(), headline: '二稿', body: [paragraph('第二版。')] },
      '编辑',
    );
    const list = await store.dispatch('revisions.list', { id: a.id });
    expect(list).toMatchObject({
      ok: true,
      value: [
        { revision: 2, updatedBy: '编辑' },
        { revision: 1, updatedBy: '高晓燕' },
      ],
    });
    const restored = await store.dispatch('revisions.restore', { id: a.id, revision: 1, baseRevision: 2 });
    expect(restored).toMatchObject({ ok: true, value: { revision: 3, headline: '初稿' } });
    expect(await store.dispatch('revisions.get', { id: a.id, revision: 2 })).toMatchObject({
      ok: true,
      value: { headline: '二稿' },
    });
  });

  it('prunes beyond the newest N but keeps the revision that was submitted', async () => {
    store = await openTempStore({ role: 'copy-editor' });
    const revisions = new RevisionStore(store.dir, 5);
    const arts = store.services.articles;
    const a = await arts.create('story', { ...emptyContent(), headline: '稿' }, 't');
    await revisions.record(a, null);
    let cur = await arts.update(a.id, 1, 't', (x) => ({ ...x, status: 'submitted' }));
    await revisions.record(cur, a);
    for (let i = 0; i < 10; i++) {
      const prev = cur;
      cur = await arts.save(a.id, cur.revision, { ...emptyContent(), headline: `稿${i}` }, 't');
      await revisions.record(cur, prev);
    }
    await revisions.prune(a.id);
    const kept = (await revisions.list(a.id)).map((m) => m.revision);
    expect(kept).toEqual([12, 11, 10, 9, 8, 2]);
    await expect(revisions.get(a.id, 3)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('closing the story marks the last save of the sitting, in the list, through prune, own saves only', async () => {
    store = await openTempStore({ userName: '李想', role: 'copy-editor' });
    const arts = store.services.articles;
    const a = await arts.create('story', { ...emptyContent(), headline: '稿' }, '李想');
    const b = await arts.save(a.id, 1, { ...emptyContent(), headline: '稿二' }, '李想');
    expect(await store.dispatch('revisions.markSitting', { id: a.id, revision: b.revision })).toEqual({
      ok: true,
      value: { marked: true },
    });
    // Marking again is harmless (a window closing and the screen unmounting both send it).
    expect(await store.dispatch('revisions.markSitting', { id: a.id, revision: b.revision })).toMatchObject({
      ok: true,
      value: { marked: true },
    });
    const c = await arts.save(a.id, 2, { ...emptyContent(), headline: '稿三' }, '王编辑');
    const listed = await store.dispatch('revisions.list', { id: a.id });
    expect(listed).toMatchObject({
      ok: true,
      value: [{ revision: 3 }, { revision: 2, endsSitting: true }, { revision: 1 }],
    });
    if (!listed.ok) throw new Error('unreachable');
    const byRev = listed.value as { revision: number; endsSitting?: boolean }[];
    expect(byRev.filter((m) => m.endsSitting).map((m) => m.revision)).toEqual([2]);
    // Another person's save is not the end of this person's sitting.
    expect(await store.dispatch('revisions.markSitting', { id: a.id, revision: c.revision })).toEqual({
      ok: true,
      value: { marked: false },
    });
    expect(await store.dispatch('revisions.markSitting', { id: a.id, revision: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await store.dispatch('revisions.markSitting', { id: a.id, revision: 0 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await store.dispatch('revisions.markSitting', { id: a.id, revision: 2, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    // A prune rewrites the journal from the list: the mark survives it.
    await new RevisionStore(store.dir, 200).prune(a.id);
    expect(await store.dispatch('revisions.list', { id: a.id })).toMatchObject({
      ok: true,
      value: [{ revision: 3 }, { revision: 2, endsSitting: true }, { revision: 1 }],
    });
  });
});
