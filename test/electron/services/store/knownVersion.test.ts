// A batch edit may carry the story as read earlier (a pull reads it to compare rev trees): reused only while
// nothing has written the story since, so skipping the second read never plans on a stale version.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../../shared/model/article';
import type { StoredArticle } from '../../../../shared/model/syncFields';
import { openTempStore, type TempStore } from '../tempStore';

/** These tests are about the store's mechanics, written by several people: a copy desk may edit anyone's draft
 * (a reporter's desk may not: shared/rules/workflow.ts TEXT_IN, tested in approvalHolds). */
const STORE_DESK = { role: 'copy-editor' } as const;

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const content = (headline: string) => ({ ...emptyContent(), headline });

describe('an edit planned on a version read earlier', () => {
  it('is planned on that very object while the story is unchanged, and the write lands', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const created = await a.create('story', content('原标题'), '甲');
    const known = await a.readKnown(created.id);
    expect(known?.stored.headline).toBe('原标题');
    let planned: StoredArticle | null = null;
    const [outcome] = await a.writeMany([
      {
        id: created.id,
        read: 'lenient',
        known: known!,
        plan: (current) => {
          planned = current;
          return { stored: { ...current!, headline: '同步来的' }, notify: true, local: false };
        },
      },
    ]);
    expect(outcome!.ok).toBe(true);
    expect(planned).toBe(known!.stored);
    expect((await a.get(created.id)).headline).toBe('同步来的');
  });

  it('is re-read from the file when a save wrote the story after it was read', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const created = await a.create('story', content('原标题'), '甲');
    const known = await a.readKnown(created.id);
    await a.save(created.id, 1, content('乙改的'), '乙');
    let planned: StoredArticle | null = null;
    await a.writeMany([
      {
        id: created.id,
        read: 'lenient',
        known: known!,
        plan: (current) => {
          planned = current;
          return null;
        },
      },
    ]);
    expect(planned).not.toBe(known!.stored);
    expect(planned!).toMatchObject({ revision: 2, headline: '乙改的' });
  });
});

describe('write listeners', () => {
  it('hear whether a write was this desk’s own edit or a version from the hub', async () => {
    store = await openTempStore(STORE_DESK);
    const a = store.services.articles;
    const heard: [string, boolean][] = [];
    a.onWrite((article, _previous, write) => {
      heard.push([article.headline, write.local]);
    });
    const created = await a.create('story', content('本地'), '甲');
    await a.writeSynced(created.id, (current) => ({
      stored: { ...current!, headline: '来自中心' },
      notify: true,
      local: false,
    }));
    expect(heard).toEqual([
      ['本地', true],
      ['来自中心', false],
    ]);
  });
});
