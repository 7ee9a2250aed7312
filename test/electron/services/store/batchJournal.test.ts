// The batch journal of the version before story packs: a journal such a version left at a crash (written,
// its files not) is replayed at open before the index is read; a torn or damaged journal is discarded
// without touching what was committed before it. Batches now go into story packs (storyPacks.test.ts).
import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent, type Article } from '../../../../shared/model/article';
import { articleOnly, StoredArticleSchema, type StoredArticle } from '../../../../shared/model/syncFields';
import { localEdit } from '../../../../electron/services/revisionTree/articleDoc';
import { appendOp, BatchJournal, replaceOp } from '../../../../electron/services/store/batchJournal';
import { openTempStore, type TempStore } from '../tempStore';

/** These tests are about the store's mechanics, written by several people: a copy desk may edit anyone's draft
 * (a reporter's desk may not: shared/rules/workflow.ts TEXT_IN, tested in approvalHolds). */
const STORE_DESK = { role: 'copy-editor' } as const;

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const content = (headline: string) => ({ ...emptyContent(), headline });

async function onDisk(dir: string, id: string): Promise<StoredArticle> {
  return StoredArticleSchema.parse(JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')));
}

/** Two stories saved one by one (each its own file, as the older version kept every story), store closed cleanly. */
async function twoCommitted(): Promise<string[]> {
  store = await openTempStore(STORE_DESK);
  const ids: string[] = [];
  for (const h of ['甲稿', '乙稿']) ids.push((await store.services.articles.create('story', content(h), '记者')).id);
  await store.close();
  return ids;
}

/**
 * The journal a batch leaves when the process dies after the journal is durable and before any file
 * behind it is written: the next version of each story and its revision record, as the store makes them.
 */
async function plantJournal(
  dir: string,
  ids: string[],
  headline: (i: number) => string,
  journal = new BatchJournal(dir),
): Promise<string> {
  const ops = [];
  for (const [i, id] of ids.entries()) {
    const current = await onDisk(dir, id);
    const next: Article = {
      ...(current as Article),
      headline: headline(i),
      revision: current.revision + 1,
      updatedAt: new Date().toISOString(),
    };
    const stored = localEdit(current, next);
    ops.push(
      replaceOp(join(dir, 'revisions', id, `${next.revision}.json`), JSON.stringify(articleOnly(stored))),
      appendOp(
        join(dir, 'revisions', id, 'meta.jsonl'),
        JSON.stringify({
          revision: next.revision,
          status: next.status,
          updatedAt: next.updatedAt,
          updatedBy: next.updatedBy,
          milestone: false,
        }),
      ),
      replaceOp(join(dir, 'articles', `${id}.json`), JSON.stringify(stored)),
    );
  }
  const entry = await journal.write(ops, new Set(ids));
  return entry.file;
}

describe('the batch journal', () => {
  it('replays a journal left on disk at open: the stories, their history and their listing', async () => {
    const ids = await twoCommitted();
    await plantJournal(store.dir, ids, (i) => `日志里的第${i}篇`);
    store = await openTempStore(STORE_DESK, store.dir);
    const a = store.services.articles;
    for (const [i, id] of ids.entries()) {
      expect(await a.get(id)).toMatchObject({ headline: `日志里的第${i}篇`, revision: 2 });
      expect((await onDisk(store.dir, id)).headline).toBe(`日志里的第${i}篇`);
      expect(a.summary(id)).toMatchObject({ headline: `日志里的第${i}篇`, revision: 2 });
      expect((await store.services.revisions.list(id)).map((m) => m.revision)).toEqual([2, 1]);
      expect((await store.services.revisions.get(id, 2)).headline).toBe(`日志里的第${i}篇`);
    }
    expect(await readdir(join(store.dir, 'journal'))).toEqual([]);
    expect(a.uncleanBefore).toBe(true);
  });

  it('replays journals in order: the later batch of a story wins', async () => {
    const ids = await twoCommitted();
    const journal = new BatchJournal(store.dir);
    const first = await plantJournal(store.dir, ids, (i) => `早${i}`, journal);
    // The second journal's versions build on the first's, as a second pulled page would.
    const stories = journal
      .parse(await readFile(first))
      .filter((o) => o.path.includes(`${sep}articles${sep}`))
      .map((o) => StoredArticleSchema.parse(JSON.parse(o.data.toString('utf8'))));
    const later = stories.map((s, i) =>
      replaceOp(
        join(store.dir, 'articles', `${s.id}.json`),
        JSON.stringify(localEdit(s, { ...articleOnly(s), headline: `晚${i}`, revision: s.revision + 1 })),
      ),
    );
    await journal.write(later, new Set(ids));
    store = await openTempStore(STORE_DESK, store.dir);
    for (const [i, id] of ids.entries()) {
      expect(await store.services.articles.get(id)).toMatchObject({ headline: `晚${i}`, revision: 3 });
    }
  });

  it('discards a torn journal (a crash while it was written) and keeps every story committed before', async () => {
    const ids = await twoCommitted();
    const file = await plantJournal(store.dir, ids, (i) => `没写完的第${i}篇`);
    const { size } = await stat(file);
    await truncate(file, Math.floor(size / 2));
    // And a journal whose bytes were altered, and the temp file of one that was never renamed.
    const journal = new BatchJournal(store.dir);
    await plantJournal(store.dir, ids, () => '占位', journal);
    const altered = await plantJournal(store.dir, ids, () => '改坏的', journal);
    const raw = await readFile(altered);
    raw[raw.length - 3] = raw[raw.length - 3]! ^ 0xff;
    await writeFile(altered, raw);
    await rm(altered.replace(/000000000002/, '000000000001'));
    await writeFile(join(store.dir, 'journal', '.000000000003-1.batch.123.tmp'), 'half');
    store = await openTempStore(STORE_DESK, store.dir);
    for (const [i, id] of ids.entries()) {
      expect(await store.services.articles.get(id)).toMatchObject({ headline: i === 0 ? '甲稿' : '乙稿', revision: 1 });
      expect((await store.services.revisions.list(id)).map((m) => m.revision)).toEqual([1]);
    }
    expect(await readdir(join(store.dir, 'journal'))).toEqual([]);
  });

  it('refuses a journal that names a path outside the data folder', async () => {
    const ids = await twoCommitted();
    const journal = new BatchJournal(store.dir);
    const entry = await journal.write([replaceOp(join(store.dir, 'articles', `${ids[0]}.json`), '{}')], new Set());
    const raw = (await readFile(entry.file, 'utf8')).replace(`articles/${ids[0]}.json`, `../../../etc/${ids[0]}.jsn`);
    expect(() => journal.parse(Buffer.from(raw))).toThrow();
  });
});
