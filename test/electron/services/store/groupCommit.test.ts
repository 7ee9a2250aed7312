// A batch write (group commit, or one story pack for two or more stories): each story is refused or
// written on its own, events fire per story, and a failure leaves every story whole, old or new, with its
// history.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../../shared/ipc/errors';
import { emptyContent } from '../../../../shared/model/article';
import { localEdit } from '../../../../electron/services/revisionTree/articleDoc';
import { openTempStore, type TempStore } from '../tempStore';

/** These tests are about the store's mechanics, written by several people: a copy desk may edit anyone's draft
 * (a reporter's desk may not: shared/rules/workflow.ts TEXT_IN, tested in approvalHolds). */
const STORE_DESK = { role: 'copy-editor' } as const;

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const content = (headline: string) => ({ ...emptyContent(), headline });

async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((n) => n.split('/').pop()!.endsWith('.tmp'));
}

describe('a group commit', () => {
  it('refuses a stale revision for that story alone and fires one event per written story, in order', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const created = await a.createMany(
      ['一', '二', '三', '四'].map((h) => ({ kind: 'story' as const, content: content(h) })),
      '甲',
    );
    const ids = created.map((o) => (o.ok ? o.stored!.id : ''));
    expect(ids.every(Boolean)).toBe(true);
    // Story 2 is saved elsewhere first, so its base revision 1 is stale in the batch.
    await a.save(ids[1]!, 1, content('二（别处改）'), '乙');
    const events: string[] = [];
    const off = store.onEvent((e) => {
      if (e.event === 'article.saved') events.push(`${e.id}@${e.revision}`);
    });
    const outcomes = await a.updateMany(
      ids.map((id, i) => ({ id, baseRevision: 1, change: (cur) => ({ ...cur, headline: `改${i}` }) })),
      '丙',
    );
    off();
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true]);
    const refused = outcomes[1]!;
    expect(!refused.ok && refused.error instanceof NewsdeskError && refused.error.code).toBe('conflict');
    expect(events).toEqual([`${ids[0]}@2`, `${ids[2]}@2`, `${ids[3]}@2`]);
    expect((await a.get(ids[1]!)).headline).toBe('二（别处改）');
    for (const i of [0, 2, 3]) {
      expect(await a.get(ids[i]!)).toMatchObject({ revision: 2, headline: `改${i}` });
      expect((await store.services.revisions.list(ids[i]!)).map((m) => m.revision)).toEqual([2, 1]);
    }
    // One change-log line per local edit, none for the refused one.
    expect((await store.services.sync.log.since(0)).ids.sort()).toEqual([...ids].sort());
    const reopened = await store.reopen();
    expect(
      reopened.services.articles
        .list({ limit: 10, offset: 0 })
        .items.map((s) => s.revision)
        .sort(),
    ).toEqual([2, 2, 2, 2]);
  });

  it('writes nothing of the batch when the history cannot be written, and leaves no temp file', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const first = await a.create('story', content('原稿'), 't');
    const revisions = store.services.revisions;
    const recordBatch = revisions.recordBatch.bind(revisions);
    revisions.recordBatch = async () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const events: string[] = [];
    store.onEvent((e) => e.event === 'article.saved' && events.push(e.id));
    const outcomes = await a.createMany([{ kind: 'story', content: content('新') }], 't');
    const updated = await a.updateMany(
      [{ id: first.id, baseRevision: 1, change: (c) => ({ ...c, headline: '改' }) }],
      't',
    );
    revisions.recordBatch = recordBatch;
    for (const o of [...outcomes, ...updated]) {
      expect(!o.ok && o.error instanceof NewsdeskError && o.error.code).toBe('disk_full');
    }
    expect(events).toEqual([]);
    expect(a.count).toBe(1);
    expect(await a.get(first.id)).toMatchObject({ revision: 1, headline: '原稿' });
    expect(await tempFiles(join(store.dir, 'articles'))).toEqual([]);
    expect(await readdir(join(store.dir, 'articles'))).toEqual([`${first.id}.json`]);
  });

  it('writes none of a batch whose story pack cannot be written, and lists none of it', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const ids = ['a-batch1', 'a-batch2', 'a-batch3'];
    // A file where packs/ should be: the batch's one pack cannot be made.
    await writeFile(join(store.dir, 'packs'), 'not a folder');
    const now = new Date().toISOString();
    const outcomes = await a.writeMany(
      ids.map((id) => ({
        id,
        read: 'none' as const,
        plan: () => ({
          stored: localEdit(null, {
            ...content(id),
            id,
            status: 'draft',
            spikedFrom: null,
            revision: 1,
            createdAt: now,
            createdBy: 't',
            updatedAt: now,
            updatedBy: 't',
            placement: null,
          }),
          notify: true,
          local: true,
        }),
      })),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, false]);
    expect(a.list({ limit: 10, offset: 0 }).total).toBe(0);
    expect(await readdir(join(store.dir, 'articles'))).toEqual([]);
    for (const id of ids) expect(await store.services.revisions.list(id)).toEqual([]);
    const reopened = await store.reopen();
    expect(reopened.services.articles.count).toBe(0);
  });

  it('imports a drop of files in batches with one progress event per file, in order', async () => {
    store = await openTempStore(STORE_DESK);
    const text = await readFile(
      join(import.meta.dirname, '..', '..', '..', '..', 'assets', 'sample', '01-industrial-internet.txt'),
      'utf8',
    );
    const files = Array.from({ length: 150 }, (_, i) => ({
      name: `f${i}.txt`,
      text: i === 70 ? ' ' : `${text}\n${i}`,
    }));
    const done: number[] = [];
    const saved = new Set<string>();
    store.onEvent((e) => {
      if (e.event === 'import.progress') done.push(e.done);
      if (e.event === 'article.saved') saved.add(e.id);
    });
    const r = await store.client.call('copy.importMany', { batchId: 'g', files });
    expect(r).toMatchObject({ ok: true, value: { cancelled: false, failed: [{ name: 'f70.txt' }] } });
    if (!r.ok) return;
    expect(r.value.ids).toHaveLength(149);
    expect(done).toEqual(files.map((_, i) => i + 1));
    expect([...saved].sort()).toEqual([...r.value.ids].sort());
    expect(store.services.articles.count).toBe(149);
  });
});
