// Stories written in batches (a pull from the hub, an import) are made searchable after the batches, not
// as each is written: at the next query, or once the writes have been quiet for a moment without one; a
// pull too large to read in at once goes to a background rebuild and queries say how many are pending
// meanwhile. A story saved alone is searchable at once.
import { afterEach, describe, expect, it } from 'vitest';
import { paragraph } from '../../../../shared/model/document';
import { localEdit } from '../../../../electron/services/revisionTree/articleDoc';
import { newArticle } from '../../../../electron/services/store/articleVersions';
import { openTempStore, type TempStore } from '../tempStore';

let store: TempStore | null = null;
afterEach(async () => {
  await store?.cleanup();
  store = null;
});

/** Writes stories as a pull does: one batch, not local edits (`local: false`), listeners told. */
async function pullIn(s: TempStore, from: number, count: number): Promise<void> {
  const outcomes = await s.services.articles.writeMany(
    Array.from({ length: count }, (_, k) => {
      const article = newArticle(
        'story',
        { headline: `拉来第${from + k}篇`, body: [paragraph(`正文里有编号丙${from + k}丁的稿件。`)] },
        '远方',
        new Date(),
      );
      return {
        id: article.id,
        read: 'none' as const,
        plan: () => ({ stored: localEdit(null, article), notify: true, local: false }),
      };
    }),
  );
  expect(outcomes.every((o) => o.ok)).toBe(true);
}

describe('search after a pull', () => {
  it('finds pulled stories at the next query, and reads them in after a quiet moment without one', async () => {
    store = await openTempStore();
    const search = store.services.search;
    await search.whenReady();
    await pullIn(store, 0, 3);
    expect(search.recentCount).toBe(0);
    expect((await search.query('丙1丁', 10)).hits.map((h) => h.headline)).toEqual(['拉来第1篇']);
    await pullIn(store, 3, 3);
    expect(search.recentCount).toBe(3);
    // No query: the quiet timer (2 s after the last pulled story) reads them in.
    await expect.poll(() => search.recentCount, { timeout: 10_000 }).toBe(6);
    expect((await search.query('丙4丁', 10)).pending).toBeUndefined();
    const alone = await store.services.articles.create(
      'story',
      { headline: '单独一篇', body: [paragraph('正文里有编号戊己的稿件。')] },
      '测试',
    );
    expect(search.recentCount).toBe(7);
    expect((await search.query('戊己', 10)).hits.map((h) => h.id)).toEqual([alone.id]);
  });

  it('leaves a pull too large to read in to a rebuild, saying how many are pending until it is done', async () => {
    store = await openTempStore();
    const search = store.services.search;
    await search.whenReady();
    for (let i = 0; i < 1200; i += 300) await pullIn(store, i, 300);
    const first = await search.query('丙1199丁', 10);
    expect(first.pending).toBe(1200);
    await search.whenComplete();
    const later = await search.query('丙0丁', 10);
    expect(later.hits.map((h) => h.headline)).toEqual(['拉来第0篇']);
    expect(later.pending).toBeUndefined();
    expect((await search.query('拉来', 2000)).total).toBe(1200);
  });
});
