// Search is ready when the import says it is done: after a bulk import by another process (the index never
// saw those stories), the first query answers at once from what is indexed (the newest stories) and says how
// many cannot be found yet, while a rebuild takes in the rest in the background.
import { afterEach, describe, expect, it } from 'vitest';
import { paragraph } from '../../../../shared/model/document';
import { openTempStore, type TempStore } from '../tempStore';

const BULK = 1500;
let store: TempStore | null = null;
afterEach(async () => {
  await store?.cleanup();
  store = null;
});

describe('search after a bulk import', () => {
  it('answers from the newest stories at once, says how many are pending, then finds all', async () => {
    store = await openTempStore();
    // As `newsdesk import-copy` does: written in group commits by a process that never searched.
    const outcomes = await store.services.articles.createMany(
      Array.from({ length: BULK }, (_, i) => ({
        kind: 'story' as const,
        content: { headline: `批量导入第${i}篇`, body: [paragraph(`正文里有编号甲${i}乙的稿件。`)] },
      })),
      '导入',
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    store = await store.reopen();
    const search = store.services.search;

    const newest = await search.query(`甲${BULK - 1}乙`, 10);
    // The newest are searchable at once (as many as the start's reading budget allows, at most 1,000); the
    // rest wait for the rebuild, and the answer says how many.
    expect(newest.hits.map((h) => h.headline)).toEqual([`批量导入第${BULK - 1}篇`]);
    expect(newest.pending).toBeGreaterThanOrEqual(BULK - 1000);
    expect(newest.pending).toBeLessThan(BULK);
    expect(newest.pending).toBe(BULK - search.recentCount);
    const oldest = await search.query('甲0乙', 10);
    expect(oldest.pending ?? 0).toBeGreaterThan(0);

    await search.whenComplete();
    const later = await search.query('甲0乙', 10);
    expect(later.hits.map((h) => h.headline)).toEqual(['批量导入第0篇']);
    expect(later.pending).toBeUndefined();
    expect((await search.query('批量导入', 2000)).total).toBe(BULK);
  });
});
