import { afterEach, describe, expect, it } from 'vitest';
import { leaves, revisionsOf } from '../../../../electron/services/revisionTree/revTree';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, openDesk, type Desk } from './syncFixture';

let hub: StandInHub;
let desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks) await d.store.cleanup();
  desks = [];
  await hub?.close();
});

describe('interop with a CouchDB-protocol hub', () => {
  it('a rev tree with history, a conflict and a tombstone survives a round trip over HTTP unchanged', async () => {
    hub = await startStandInHub();
    const a = await openDesk(hub, '甲');
    const b = await openDesk(hub, '乙');
    desks = [a, b];
    const story = await a.store.services.articles.create('story', content('第一版'), '甲');
    for (let rev = 1; rev <= 4; rev++)
      await a.store.services.articles.save(story.id, rev, content(`第${rev + 1}版`), '甲');
    await a.replicator.runOnce();
    // A second branch written by PouchDB itself (its own rev ids), then a third branch deleted.
    const onHub = await hub.local.get(story.id, { revs: true });
    const parentIds = (onHub._revisions as { ids: string[] }).ids.slice(2);
    await hub.local.bulkDocs(
      [
        {
          ...onHub,
          _rev: '4-pouchbranch',
          _revisions: { start: 4, ids: ['pouchbranch', ...parentIds.slice(0)] },
          headline: '旁支',
        },
        {
          _id: story.id,
          _rev: '3-gone',
          _revisions: { start: 3, ids: ['gone', ...parentIds.slice(1)] },
          _deleted: true,
        },
      ],
      { new_edits: false },
    );
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    const [ta, tb] = [(await a.stored(story.id))._revTree!, (await b.stored(story.id))._revTree!];
    expect(tb).toEqual(ta);
    expect(leaves(ta)).toHaveLength(3);
    // And the hub's own view of every leaf's ancestry is the same.
    const open = (await hub.local.get(story.id, { open_revs: 'all', revs: true } as never)) as unknown as {
      ok: { _rev: string; _revisions: { start: number; ids: string[] } };
    }[];
    expect(open).toHaveLength(3);
    for (const { ok } of open) expect(revisionsOf(ta, ok._rev)).toEqual(ok._revisions);
  });
});
