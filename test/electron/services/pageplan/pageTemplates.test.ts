import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../../shared/model/article';
import { paragraph } from '../../../../shared/model/document';
import { openTempStore, type TempStore } from '../tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

async function approvedStory() {
  const a = await store.services.articles.create(
    'story',
    { ...emptyContent(), headline: '湘江大桥合龙', body: [paragraph('正文'.repeat(200))], source: '株洲日报' },
    '甲',
  );
  return store.services.articles.update(a.id, 1, '甲', (x) => ({ ...x, status: 'approved' }));
}

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const done = await r;
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

describe('one page as a layout (版式模板) through the service', () => {
  it('saves a page’s slots without its stories, atomically under templates/pages, and lists it', async () => {
    store = await openTempStore();
    await ok(store.client.call('pageplan.createIssue', { date: '2026-12-01', template: '4版' }));
    const a = await approvedStory();
    await ok(
      store.client.call('pageplan.place', { articleId: a.id, date: '2026-12-01', page: 'A01', slotId: 'A01-1' }),
    );
    await ok(
      store.client.call('pageplan.shape', {
        date: '2026-12-01',
        edit: { op: 'target', page: 'A01', slotId: 'A01-2', target: { chars: 900 } },
      }),
    );
    expect(
      await ok(store.client.call('pageplan.savePageTemplate', { name: '头版-大图', date: '2026-12-01', page: 'A01' })),
    ).toEqual({
      name: '头版-大图',
    });
    const dir = join(store.dir, 'templates', 'pages');
    // Only the file itself: the atomic write leaves no temporary beside it.
    expect(await readdir(dir)).toEqual(['头版-大图.json']);
    const text = await readFile(join(dir, '头版-大图.json'), 'utf8');
    expect(text).not.toContain(a.id);
    const saved = JSON.parse(text) as { masthead: boolean; slots: unknown[] };
    expect(saved.masthead).toBe(true);
    expect(saved.slots[0]).toMatchObject({ line: 14, headline: 'banner' });
    expect(saved.slots[1]).toMatchObject({ targetChars: 900, targetManual: true });
    expect(await ok(store.client.call('pageplan.pageTemplates', {}))).toEqual([{ name: '头版-大图', layout: saved }]);
    // The whole-issue template list is not mixed with page layouts.
    expect(await ok(store.client.call('pageplan.templates', {}))).not.toContain('头版-大图');
  });

  it('lays a saved page onto a page of a new issue as one plan edit that undo (issues.save) takes back', async () => {
    store = await openTempStore();
    await ok(store.client.call('pageplan.createIssue', { date: '2026-12-01', template: '4版' }));
    await ok(
      store.client.call('pageplan.shape', {
        date: '2026-12-01',
        edit: { op: 'split', page: 'A02', slotId: 'A02-1', axis: 'columns' },
      }),
    );
    await ok(store.client.call('pageplan.savePageTemplate', { name: '二版六条', date: '2026-12-01', page: 'A02' }));
    const next = await ok(store.client.call('pageplan.createIssue', { date: '2026-12-02', template: '4版' }));
    const applied = await ok(
      store.client.call('pageplan.applyPageTemplate', {
        name: '二版六条',
        date: '2026-12-02',
        page: 'A04',
        baseRevision: next.revision,
      }),
    );
    expect(applied.revision).toBe(next.revision + 1);
    const a04 = applied.pages.find((p) => p.label === 'A04')!.slots;
    expect(a04.map((s) => s.id)).toEqual(['A04-1', 'A04-2', 'A04-3', 'A04-4', 'A04-5', 'A04-6']);
    expect(a04.slice(0, 2).map((s) => [s.col, s.cols])).toEqual([
      [0, 3],
      [3, 3],
    ]);
    // Undo is the flatplan's usual plan save of the content before.
    const undone = await ok(
      store.client.call('issues.save', {
        id: next.id,
        baseRevision: applied.revision,
        content: { date: next.date, number: next.number, pages: next.pages },
      }),
    );
    expect(undone.pages.find((p) => p.label === 'A04')!.slots).toEqual(
      next.pages.find((p) => p.label === 'A04')!.slots,
    );
  });

  it('refuses with the reason: a placed story on the page, the masthead band, a stale revision, a bad or unknown name', async () => {
    store = await openTempStore();
    const issue = await ok(store.client.call('pageplan.createIssue', { date: '2026-12-01', template: '4版' }));
    await ok(store.client.call('pageplan.savePageTemplate', { name: 'inside', date: '2026-12-01', page: 'A02' }));
    const a = await approvedStory();
    await ok(
      store.client.call('pageplan.place', { articleId: a.id, date: '2026-12-01', page: 'A03', slotId: 'A03-2' }),
    );
    const call = (page: string, name = 'inside', baseRevision?: number) =>
      store.client.call('pageplan.applyPageTemplate', { name, date: '2026-12-01', page, baseRevision });
    expect(await call('A03')).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('A03-2 已排稿件') },
    });
    await ok(
      store.client.call('pageplan.shape', { date: '2026-12-01', edit: { op: 'delete', page: 'A01', slotId: 'A01-1' } }),
    );
    expect(await call('A01')).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('报头') },
    });
    expect(await call('A04', 'inside', issue.revision)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('A04', '没有这个')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('A04', '../x')).toMatchObject({ ok: false, error: { code: 'validation' } });
    const bad = await store.dispatch('pageplan.savePageTemplate', { name: 'a/b', date: '2026-12-01', page: 'A02' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      await store.dispatch('pageplan.savePageTemplate', { name: 'x', date: '2026-12-01', page: 'A09' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // The story stayed where it was, and still placed.
    expect((await store.services.articles.get(a.id)).placement).toMatchObject({ page: 'A03', slotId: 'A03-2' });
  });
});
