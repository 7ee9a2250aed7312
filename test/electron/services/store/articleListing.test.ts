import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleStore, type ArticleListOptions } from '../../../../electron/services/store/articleStore';
import { emptyContent } from '../../../../shared/model/article';
import { paragraph } from '../../../../shared/model/document';
import { makeTempDir } from '../tempStore';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const DAY = 86_400_000;
const base = Date.UTC(2026, 10, 20, 2);

/** Nine stories over three days (UTC): drafts and placed ones, on pages, by two reporters. */
async function fillStore(): Promise<{ store: ArticleStore; ids: string[] }> {
  dir = await makeTempDir();
  let clock = base;
  const store = await ArticleStore.open({ dataDir: dir, now: () => new Date(clock) });
  const ids: string[] = [];
  for (let i = 0; i < 9; i++) {
    clock = base + Math.floor(i / 3) * DAY + (i % 3) * 60_000;
    const a = await store.create(
      'story',
      {
        ...emptyContent(),
        headline: `稿件${String.fromCharCode(0x4e00 + 8 - i)}`,
        body: [paragraph('字'.repeat(10 * (i + 1)))],
        bylines: [{ role: '记者', name: i % 2 ? '刘芳' : '高晓燕' }],
      },
      'editor',
    );
    ids.push(a.id);
    if (i % 3 === 0) {
      await store.update(a.id, 1, 'editor', (c) => ({
        ...c,
        status: 'placed',
        placement: { issueDate: `2026-11-2${Math.floor(i / 3)}`, page: `A0${1 + (i % 2)}`, slotId: 's', order: i },
      }));
    }
  }
  return { store, ids };
}

const q = (o: Partial<ArticleListOptions>): ArticleListOptions => ({ limit: 50, offset: 0, ...o });

describe('the desk listing at scale', () => {
  it('filters by day, issue date, page, person and status together, with true totals', async () => {
    const { store, ids } = await fillStore();
    const day2 = {
      updatedFrom: new Date(base - 2 * 3600_000 + DAY).toISOString(),
      updatedTo: new Date(base - 2 * 3600_000 + 2 * DAY).toISOString(),
    };
    expect(store.list(q(day2)).items.map((s) => s.id)).toEqual([ids[5], ids[4], ids[3]]);
    expect(store.list(q({ ...day2, status: ['draft'] })).total).toBe(2);
    expect(store.list(q({ issueDate: '2026-11-22' })).items.map((s) => s.id)).toEqual([ids[6]]);
    expect(store.list(q({ page: '-' })).total).toBe(6);
    expect(store.list(q({ page: 'A02', status: ['placed'] })).items.map((s) => s.id)).toEqual([ids[3]]);
    expect(store.list(q({ person: '刘芳' })).total).toBe(4);
    expect(store.list(q({ person: '刘' })).total).toBe(0);
  });

  it('sorts by any column either way and pages through everything', async () => {
    const { store, ids } = await fillStore();
    expect(store.list(q({ sort: 'chars' })).items[0]!.id).toBe(ids[8]);
    expect(store.list(q({ sort: 'chars', reverse: true })).items[0]!.id).toBe(ids[0]);
    expect(store.list(q({ sort: 'headline' })).items[0]!.id).toBe(ids[8]);
    expect(
      store
        .list(q({ sort: 'page' }))
        .items.slice(0, 3)
        .map((s) => s.placement?.page),
    ).toEqual(['A01', 'A01', 'A02']);
    expect(store.list(q({ sort: 'status' })).items.at(-1)!.status).toBe('placed');
    const paged = [0, 4, 8].flatMap((offset) => store.list(q({ limit: 4, offset })).items.map((s) => s.id));
    expect(paged).toEqual([...ids].reverse());
    expect(store.list(q({ limit: 4, offset: 8 })).total).toBe(9);
  });

  it('reads the same listing back from the column snapshot after a clean close', async () => {
    const { store } = await fillStore();
    const before = store.list(q({ sort: 'page' }));
    await store.close();
    const reopened = await ArticleStore.open({ dataDir: dir! });
    expect(reopened.list(q({ sort: 'page' }))).toEqual(before);
    expect(reopened.facets()).toEqual({
      pages: ['A01', 'A02'],
      people: expect.arrayContaining(['刘芳', '高晓燕', 'editor']) as unknown as string[],
      issueDates: ['2026-11-22', '2026-11-21', '2026-11-20'],
    });
    await reopened.close();
  });

  it('gives every sort and filter the same answer from the binary snapshot (columns decoded on first use)', async () => {
    const { store } = await fillStore();
    const queries: Partial<ArticleListOptions>[] = [
      ...(['updated', 'status', 'kind', 'headline', 'byline', 'chars', 'page'] as const).map((sort) => ({ sort })),
      { sort: 'headline', reverse: true },
      { person: '刘芳' },
      { page: 'A02' },
      { page: '-' },
      { issueDate: '2026-11-21' },
      { status: ['placed'] },
    ];
    const before = queries.map((x) => store.list(q(x)));
    await store.close();
    const reopened = await ArticleStore.open({ dataDir: dir! });
    expect(queries.map((x) => reopened.list(q(x)))).toEqual(before);
    await reopened.close();
  });
});
