import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent, type Article } from '../../../../shared/model/article';
import { NewsdeskError } from '../../../../shared/ipc/errors';
import { openTempStore, type TempStore } from '../tempStore';

/** These tests are about the store's mechanics, written by several people: a copy desk may edit anyone's draft
 * (a reporter's desk may not: shared/rules/workflow.ts TEXT_IN, tested in approvalHolds). */
const STORE_DESK = { role: 'copy-editor' } as const;

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const content = (headline: string) => ({ ...emptyContent(), headline });

describe('the article store', () => {
  it('creates, saves and lists newest first, and a reopened store sees the same', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const first = await a.create('story', content('第一篇'), '甲');
    const second = await a.create('brief', content('第二篇'), '乙');
    const saved = await a.save(first.id, 1, content('第一篇改'), '丙');
    expect(saved.revision).toBe(2);
    expect(saved.updatedBy).toBe('丙');
    expect(saved.createdBy).toBe('甲');
    expect(a.list({ limit: 50, offset: 0 }).items.map((s) => s.id)).toEqual([first.id, second.id]);
    const reopened = await store.reopen();
    expect(reopened.services.articles.list({ limit: 50, offset: 0 }).items.map((s) => s.headline)).toEqual([
      '第一篇改',
      '第二篇',
    ]);
    expect((await reopened.services.articles.get(first.id)).revision).toBe(2);
  });

  it('lists only stories with credit problems under the credit filter', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const good = await a.create('story', { ...content('有署名'), source: '新华社' }, 't');
    const bad = await a.create('story', content('无署名'), 't');
    const flagged = a.list({ limit: 50, offset: 0, creditProblems: true }).items;
    expect(flagged.map((s) => s.id)).toEqual([bad.id]);
    expect(flagged[0]!.creditProblems).toEqual(['no_byline_or_source']);
    expect(a.summary(good.id)?.creditProblems).toEqual([]);
  });

  it('refuses a stale save with a conflict that carries the newer revision', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const art = await a.create('story', content('原稿'), '记者');
    await a.save(art.id, 1, content('编辑改过'), '编辑');
    const err = await a.save(art.id, 1, content('记者旧稿'), '记者').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewsdeskError);
    const e = err as NewsdeskError;
    expect(e.code).toBe('conflict');
    expect(e.extra.currentRevision).toBe(2);
    expect(e.extra.current?.headline).toBe('编辑改过');
    expect((await a.get(art.id)).headline).toBe('编辑改过');
  });

  it('serialises concurrent saves of one article: exactly one of two same-base saves wins', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const art = await a.create('story', content('x'), 't');
    const results = await Promise.allSettled([
      a.save(art.id, 1, content('A'), 't'),
      a.save(art.id, 1, content('B'), 't'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('moves a corrupt article file to quarantine, reports it, and opens the rest', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const good = await a.create('story', content('好稿'), 't');
    const bad = await a.create('story', content('坏稿'), 't');
    await writeFile(join(store.dir, 'articles', `${bad.id}.json`), '{"id": "a-trunc');
    const reopened = await store.reopen();
    expect(reopened.services.articles.list({ limit: 50, offset: 0 }).items.map((s) => s.id)).toEqual([good.id]);
    const health = await reopened.dispatch('store.health', {});
    expect(health.ok).toBe(true);
    if (!health.ok) return;
    const q = (health.value as { quarantined: { file: string; reason: string }[] }).quarantined;
    expect(q).toHaveLength(1);
    expect(q[0]!.file).toContain(bad.id);
    expect(q[0]!.reason).toMatch(/not JSON/);
    expect(await readdir(join(store.dir, 'quarantine'))).toHaveLength(2);
  });

  it('quarantines a file that is JSON but not an article', async () => {
    store = await openTempStore(STORE_DESK);
    const art = await store.services.articles.create('story', content('稿'), 't');
    const file = join(store.dir, 'articles', `${art.id}.json`);
    const raw = JSON.parse(await readFile(file, 'utf8')) as Article;
    await writeFile(file, JSON.stringify({ ...raw, status: 'published-somewhere' }));
    const reopened = await store.reopen();
    // The count settles once the check of every file at open has run (the listing never shows it meanwhile).
    expect(reopened.services.articles.list({ limit: 50, offset: 0 }).items).toEqual([]);
    await reopened.services.articles.whenChecked();
    expect(reopened.services.articles.count).toBe(0);
    expect((await reopened.services.articles.quarantined())[0]?.reason).toMatch(/unexpected shape/);
  });

  it('saving one article rewrites no other article file', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const others = await Promise.all([1, 2, 3].map((i) => a.create('story', content(`稿${i}`), 't')));
    const target = await a.create('story', content('目标'), 't');
    const { stat } = await import('node:fs/promises');
    const before = await Promise.all(others.map((o) => stat(join(store.dir, 'articles', `${o.id}.json`))));
    await a.save(target.id, 1, content('目标改'), 't');
    const after = await Promise.all(others.map((o) => stat(join(store.dir, 'articles', `${o.id}.json`))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    expect(after.map((s) => s.ino)).toEqual(before.map((s) => s.ino));
  });

  it('re-reads an article changed behind the index (crash between file and journal)', async () => {
    store = await openTempStore(STORE_DESK);
    const art = await store.services.articles.create('story', content('旧标题'), 't');
    const file = join(store.dir, 'articles', `${art.id}.json`);
    const raw = JSON.parse(await readFile(file, 'utf8')) as Article;
    await writeFile(file, JSON.stringify({ ...raw, headline: '文件里的新标题', revision: 2 }));
    const reopened = await store.reopen();
    expect(reopened.services.articles.summary(art.id)?.headline).toBe('文件里的新标题');
  });
});

describe('opening after a clean close or a crash', () => {
  it('does not trust a stale listing after a clean close: a file changed behind the index is re-read', async () => {
    store = await openTempStore(STORE_DESK);
    const art = await store.services.articles.create('story', content('旧标题'), 't');
    // Changed behind the index while the store was closed cleanly (another program, an old CLI).
    const file = join(store.dir, 'articles', `${art.id}.json`);
    const raw = JSON.parse(await readFile(file, 'utf8')) as Article;
    await store.services.close();
    await writeFile(file, JSON.stringify({ ...raw, headline: '改过的标题', revision: 2 }));
    const reopened = await store.reopen();
    expect(reopened.services.articles.summary(art.id)?.headline).toBe('改过的标题');
    store = reopened;
  });
});
