// Story packs: a batch's stories live in one immutable pack (no file or folder per story); a single save
// later gets its own file, which wins; the index can be rebuilt from packs and files, a pack it missed is
// taken in at open, a damaged entry costs one story, a torn pack is discarded, a tombstone behaves as one.
import { link, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../../shared/model/article';
import type { StoredArticle } from '../../../../shared/model/syncFields';
import { applyRemote } from '../../../../electron/services/revisionTree/articleDoc';
import { deletedStories } from '../../../../electron/services/sync/deletedStories';
import { openTempStore, type TempStore } from '../tempStore';

/** A copy desk may edit anyone's draft: these tests are about the store's mechanics. */
const STORE_DESK = { role: 'copy-editor' } as const;

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const content = (headline: string) => ({ ...emptyContent(), headline });

async function createBatch(headlines: string[], actor = '记者'): Promise<string[]> {
  const created = await store.services.articles.createMany(
    headlines.map((h) => ({ kind: 'story' as const, content: content(h) })),
    actor,
  );
  return created.map((o) => {
    if (!o.ok) throw o.error as Error;
    return o.stored!.id;
  });
}

const packsOf = async (dir: string) => (await readdir(join(dir, 'packs'))).filter((n) => n.endsWith('.pack'));
const ownFiles = async (dir: string) => (await readdir(join(dir, 'articles'))).filter((n) => n.endsWith('.json'));
const history = async (id: string) => (await store.services.revisions.list(id)).map((m) => m.revision);

function listing(s: TempStore): { id: string; revision: number; headline: string }[] {
  return s.services.articles
    .list({ limit: 100, offset: 0 })
    .items.map(({ id, revision, headline }) => ({ id, revision, headline }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('story packs', () => {
  it('reads a batch-written story back from its pack, with no file or folder of its own', async () => {
    store = await openTempStore(STORE_DESK);
    const ids = await createBatch(['甲', '乙', '丙']);
    expect(await packsOf(store.dir)).toHaveLength(1);
    expect(await ownFiles(store.dir)).toEqual([]);
    expect(await readdir(join(store.dir, 'revisions')).catch(() => [])).toEqual([]);
    store = await store.reopen();
    for (const [i, id] of ids.entries()) {
      expect(await store.services.articles.get(id)).toMatchObject({ headline: ['甲', '乙', '丙'][i], revision: 1 });
      expect(await history(id)).toEqual([1]);
      expect((await store.services.revisions.get(id, 1)).headline).toBe(['甲', '乙', '丙'][i]);
    }
    expect(listing(store)).toHaveLength(3);
  });

  it('a single save after a pack write wins, now and after reopening, and the history shows both', async () => {
    store = await openTempStore(STORE_DESK);
    const [id, other] = await createBatch(['原稿', '旁稿']);
    await store.services.articles.save(id!, 1, content('改稿'), '记者');
    expect(await ownFiles(store.dir)).toEqual([`${id}.json`]);
    expect(await store.services.articles.get(id!)).toMatchObject({ headline: '改稿', revision: 2 });
    expect(await history(id!)).toEqual([2, 1]);
    expect((await store.services.revisions.get(id!, 1)).headline).toBe('原稿');
    expect((await store.services.revisions.get(id!, 2)).headline).toBe('改稿');
    store = await store.reopen();
    expect(await store.services.articles.get(id!)).toMatchObject({ headline: '改稿', revision: 2 });
    expect(store.services.articles.summary(id!)).toMatchObject({ headline: '改稿', revision: 2 });
    expect(await store.services.articles.get(other!)).toMatchObject({ headline: '旁稿', revision: 1 });
    expect(await history(id!)).toEqual([2, 1]);
  });

  it('a later pack supersedes a story file, also when a crash left that older file behind', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const ids = [
      (await a.create('story', content('一'), '记者')).id,
      (await a.create('story', content('二'), '记者')).id,
    ];
    // The older file as it was: a crash between the pack's rename and the file's removal leaves exactly it.
    const kept = ids.map((id) => join(store.dir, `${id}.before`));
    await Promise.all(ids.map((id, k) => link(join(store.dir, 'articles', `${id}.json`), kept[k]!)));
    const moved = await a.updateMany(
      ids.map((id) => ({
        id,
        baseRevision: 1,
        change: (c: StoredArticle) => ({ ...c, headline: `${c.headline}（批改）` }),
      })),
      '记者',
    );
    expect(moved.every((o) => o.ok)).toBe(true);
    expect(await ownFiles(store.dir)).toEqual([]);
    expect(await a.get(ids[0]!)).toMatchObject({ headline: '一（批改）', revision: 2 });
    await Promise.all(ids.map((id, k) => link(kept[k]!, join(store.dir, 'articles', `${id}.json`))));
    // Even before an open removes it, no reader takes the superseded file over the pack.
    expect(await a.get(ids[0]!)).toMatchObject({ headline: '一（批改）', revision: 2 });
    await store.abandon();
    store = await openTempStore(STORE_DESK, store.dir);
    expect(await ownFiles(store.dir)).toEqual([]);
    expect(await store.services.articles.get(ids[1]!)).toMatchObject({ headline: '二（批改）', revision: 2 });
    expect(await history(ids[1]!)).toEqual([2, 1]);
    // A file saved after the pack is not the one it superseded: it wins.
    await store.services.articles.save(ids[1]!, 2, content('二（再改）'), '记者');
    store = await store.reopen();
    expect(await store.services.articles.get(ids[1]!)).toMatchObject({ headline: '二（再改）', revision: 3 });
    expect(await history(ids[1]!)).toEqual([3, 2, 1]);
  });

  it('a damaged pack entry quarantines that story alone, once, as corrupt', async () => {
    store = await openTempStore(STORE_DESK);
    const ids = await createBatch(['好稿', '坏稿', '又一好稿']);
    const ref = store.services.articles.packs.current(ids[1]!)!;
    store = await store.reopen();
    const raw = await readFile(ref.file);
    const at = ref.offset + Math.floor(ref.length / 2);
    raw[at] = raw[at]! ^ 0x20;
    await writeFile(ref.file, raw);
    const a = store.services.articles;
    await expect(a.get(ids[1]!)).rejects.toMatchObject({ code: 'corrupt' });
    expect(await a.get(ids[0]!)).toMatchObject({ headline: '好稿' });
    expect(await a.get(ids[2]!)).toMatchObject({ headline: '又一好稿' });
    expect(a.summary(ids[1]!)).toBeNull();
    expect(await a.quarantined()).toHaveLength(1);
    store = await store.reopen();
    expect(await store.services.articles.quarantined()).toHaveLength(1);
    await expect(store.services.articles.get(ids[1]!)).rejects.toMatchObject({ code: 'not_found' });
    expect(listing(store).map((r) => r.id)).toEqual([ids[0]!, ids[2]!].sort());
  });

  it('rebuilds a deleted index from packs and files to the same listing', async () => {
    store = await openTempStore(STORE_DESK);
    const ids = await createBatch(['一', '二', '三', '四']);
    await createBatch(['五', '六']);
    await store.services.articles.save(ids[1]!, 1, content('二（单改）'), '记者');
    await store.services.articles.updateMany(
      [ids[2]!, ids[3]!].map((id) => ({
        id,
        baseRevision: 1,
        change: (c: StoredArticle) => ({ ...c, headline: '批改' }),
      })),
      '记者',
    );
    const before = listing(store);
    expect(before).toHaveLength(6);
    await store.close();
    await rm(join(store.dir, 'index'), { recursive: true });
    store = await openTempStore(STORE_DESK, store.dir);
    expect(listing(store)).toEqual(before);
    expect(store.services.articles.uncleanBefore).toBe(true);
  });

  it('takes a pack the index never heard of into the listing at open (its replay)', async () => {
    store = await openTempStore(STORE_DESK);
    const single = (await store.services.articles.create('story', content('单篇'), '记者')).id;
    store = await store.reopen();
    const ids = await createBatch(['包里一', '包里二']);
    // The batch's index lines are not fsynced: a power loss may lose them while the pack is durable.
    await store.abandon();
    await truncate(join(store.dir, 'index', 'articles.journal'), 0);
    store = await openTempStore(STORE_DESK, store.dir);
    await store.services.articles.whenChecked();
    expect(listing(store).map((r) => r.id)).toEqual([single, ...ids].sort());
    expect(store.services.articles.summary(ids[0]!)).toMatchObject({ headline: '包里一', revision: 1 });
  });

  it('a tombstone in a pack takes the story off the desk and keeps its history restorable', async () => {
    store = await openTempStore(STORE_DESK);
    // Written by this desk's own user: a restore is judged as a new story, which its creator may make.
    const ids = await createBatch(['要删一', '要删二', '留下'], '测试');
    const at = new Date().toISOString();
    const outcomes = await store.services.articles.writeMany(
      ids.slice(0, 2).map((id) => ({
        id,
        read: 'lenient' as const,
        plan: (current) => {
          const [pos, hash] = current!._rev!.split('-') as [string, string];
          const tomb = `${Number(pos) + 1}-${'d'.repeat(32)}`;
          const applied = applyRemote(current, [
            {
              rev: tomb,
              revisions: { start: Number(pos) + 1, ids: ['d'.repeat(32), hash] },
              deleted: true,
              body: null,
              tombstone: { updatedBy: '总编', updatedAt: at },
            },
          ])!;
          return { stored: applied.stored, notify: applied.winnerChanged, local: false };
        },
      })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await packsOf(store.dir)).toHaveLength(2);
    for (const s of [store, await store.reopen()]) {
      store = s;
      expect(listing(store).map((r) => r.id)).toEqual([ids[2]!]);
      const deleted = await deletedStories(store.services.articles);
      expect(deleted.map((d) => d.id).sort()).toEqual(ids.slice(0, 2).sort());
      expect(deleted[0]).toMatchObject({ deletedBy: '总编' });
      expect(await history(ids[0]!)).toEqual([2, 1]);
    }
    const restored = await store.services.articles.save(ids[0]!, 2, content('要删一（恢复）'), '测试', {
      restoreDeleted: true,
    });
    expect(restored.revision).toBe(3);
    store = await store.reopen();
    expect(listing(store).map((r) => r.id)).toEqual([ids[0]!, ids[2]!].sort());
    expect(await history(ids[0]!)).toEqual([3, 2, 1]);
  });

  it('discards a pack never renamed into place and one whose list is damaged; what came before stays', async () => {
    store = await openTempStore(STORE_DESK);
    const ids = await createBatch(['先前一', '先前二']);
    await createBatch(['坏包一', '坏包二']);
    const [, second] = await packsOf(store.dir);
    await store.abandon();
    const file = join(store.dir, 'packs', second!);
    const raw = await readFile(file);
    // A byte of the second pack's entry list: it can no longer say where anything is.
    const at = raw.indexOf(10) + 5;
    raw[at] = raw[at]! ^ 0x01;
    await writeFile(file, raw);
    await writeFile(join(store.dir, 'packs', '.000000000003.pack.123.tmp'), 'half a pack');
    store = await openTempStore(STORE_DESK, store.dir);
    await store.services.articles.whenChecked();
    expect(await packsOf(store.dir)).toHaveLength(1);
    expect((await readdir(join(store.dir, 'packs'))).some((n) => n.endsWith('.tmp'))).toBe(false);
    expect(listing(store).map((r) => r.id)).toEqual([...ids].sort());
    expect(await store.services.articles.quarantined()).toHaveLength(1);
    expect((await stat(join(store.dir, 'packs', (await packsOf(store.dir))[0]!))).size).toBeGreaterThan(0);
  });
});
