// The desk sees every story, however many: articles.list is paged through to the store's total, and the list is shown page by page.
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/model/article';
import type { Result } from '../../shared/ipc/errors';
import { deskPage, pageCount } from '../../renderer/features/desk/deskQuery';
import { LIST_PAGE_LIMIT, loadAllSummaries } from '../../renderer/common/loadAllSummaries';

const summary = (i: number): ArticleSummary => ({
  id: `a-story${String(i).padStart(5, '0')}`,
  kind: 'story',
  kicker: '',
  headline: `稿件 ${i}`,
  status: 'draft',
  revision: 1,
  bylineNames: [],
  correspondentNames: [],
  source: '',
  bodyChars: 0,
  creditProblems: [],
  placement: null,
  updatedAt: new Date(Date.UTC(2026, 0, 1) - i * 1000).toISOString(),
  updatedBy: '甲',
});

/** A store of n stories behind the contract's list channel, recording each call. */
function store(n: number) {
  const all = Array.from({ length: n }, (_, i) => summary(i));
  const calls: { offset: number; limit: number }[] = [];
  const listPage = async (
    offset: number,
    limit: number,
  ): Promise<Result<{ total: number; items: ArticleSummary[] }>> => {
    calls.push({ offset, limit });
    return { ok: true, value: { total: all.length, items: all.slice(offset, offset + limit) } };
  };
  return { all, calls, listPage };
}

describe('loadAllSummaries', () => {
  it.each([0, 1, 499, 500, 501, 1_200, 10_000])('loads all %i stories, 500 a call, with the true total', async (n) => {
    const s = store(n);
    const r = await loadAllSummaries(s.listPage);
    expect(r).toMatchObject({ ok: true, total: n });
    if (!r.ok) return;
    expect(r.items.map((x) => x.id)).toEqual(s.all.map((x) => x.id));
    expect(s.calls.every((c) => c.limit === LIST_PAGE_LIMIT)).toBe(true);
    expect(s.calls.length).toBe(Math.max(1, Math.ceil(n / LIST_PAGE_LIMIT)));
  });

  it('keeps a story once when a save moves it between two pages', async () => {
    const s = store(1_000);
    let first = true;
    const r = await loadAllSummaries(async (offset, limit) => {
      const page = await s.listPage(offset, limit);
      if (first && page.ok) {
        first = false;
        // The last story of page one is saved: it now leads the list, and every later story moves down one.
        const [moved] = s.all.splice(499, 1);
        s.all.unshift(moved!);
      }
      return page;
    });
    expect(r.ok && new Set(r.items.map((x) => x.id)).size).toBe(r.ok ? r.items.length : -1);
  });

  it('stops at the first refused page and hands back its error', async () => {
    const error = { code: 'io' as const, message: 'disk' };
    const r = await loadAllSummaries(async (offset) =>
      offset === 0 ? { ok: true, value: { total: 900, items: store(500).all } } : { ok: false, error },
    );
    expect(r).toEqual({ ok: false, error });
  });
});

describe('deskPage', () => {
  const items = Array.from({ length: 450 }, (_, i) => i);

  it.each([
    [0, 0, 200, 0],
    [1, 200, 200, 200],
    [2, 400, 50, 400],
    [7, 400, 50, 400],
    [-1, 0, 200, 0],
  ])('page %i shows from %i, %i rows', (page, first, count, firstItem) => {
    const p = deskPage(items, page);
    expect(p.first).toBe(first);
    expect(p.rows.length).toBe(count);
    expect(p.rows[0]).toBe(firstItem);
  });

  it('counts pages, one for an empty list', () => {
    expect([0, 1, 200, 201, 10_000].map((n) => pageCount(n))).toEqual([1, 1, 1, 2, 50]);
  });
});
