import { afterEach, describe, expect, it } from 'vitest';
import { leaves } from '../../../../electron/services/revisionTree/revTree';
import { contentOf } from '../../../../shared/model/article';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, hubBody, localBody, openDesk, type Desk } from './syncFixture';

let hub: StandInHub;
let desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks) await d.store.cleanup();
  desks = [];
  await hub?.close();
});

async function twoDesksWithOneStory() {
  hub = await startStandInHub();
  const a = await openDesk(hub, '甲');
  const b = await openDesk(hub, '乙');
  desks = [a, b];
  const story = await a.store.services.articles.create('story', content('原题'), '甲');
  await a.replicator.runOnce();
  await b.replicator.runOnce();
  return { a, b, id: story.id };
}

describe('sync conflicts', () => {
  it('two desks editing one story offline agree on the winner with the hub and keep the other leaf byte for byte', async () => {
    const { a, b, id } = await twoDesksWithOneStory();
    const savedA = await a.store.services.articles.save(id, 1, content('甲改的标题', '甲的正文。'), '甲');
    const savedB = await b.store.services.articles.save(id, 1, content('乙改的标题', '乙的正文。'), '乙');
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    await a.replicator.runOnce();

    const [sa, sb] = [await a.stored(id), await b.stored(id)];
    const onHub = await hub.local.get(id, { conflicts: true });
    expect(sa._rev).toBe(onHub._rev);
    expect(sb._rev).toBe(onHub._rev);
    expect(Object.keys(sa._leaves!)).toEqual(onHub._conflicts);
    expect(Object.keys(sb._leaves!)).toEqual(onHub._conflicts);
    expect(a.store.services.articles.summary(id)?.conflicts).toBe(1);
    expect(b.store.services.articles.summary(id)?.conflicts).toBe(1);

    // Each desk's saved body is on the hub and in both stores exactly as it was saved.
    const expected = new Map([
      [savedA.headline, JSON.stringify(contentOf(savedA))],
      [savedB.headline, JSON.stringify(contentOf(savedB))],
    ]);
    for (const rev of [onHub._rev!, ...onHub._conflicts!]) {
      const doc = await hub.local.get(id, { rev });
      const body = hubBody(doc);
      for (const s of [sa, sb]) {
        const local = rev === s._rev ? localBody(s) : JSON.stringify(s._leaves![rev]);
        expect(local).toBe(body);
      }
      expect(JSON.stringify(contentOf(JSON.parse(body)))).toBe(expected.get(JSON.parse(body).headline));
    }

    // The conflict blocks approval, and the merge dialog gets both versions and their base.
    const refused = await a.store.dispatch('articles.transition', { id, baseRevision: sa.revision, to: 'approved' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!refused.ok && refused.error.message).toContain('冲突');
    const viewed = await a.store.client.call('sync.conflict', { id });
    if (!viewed.ok) throw new Error(viewed.error.message);
    const view = viewed.value;
    expect(view.current.headline).toBe(sa.headline);
    expect(view.others.map((o) => o.content.headline)).toEqual([sa._leaves![onHub._conflicts![0]!]!.headline]);
    expect(view.base?.headline).toBe('原题');
  });

  it('an edit against a delete wins and the tombstone is kept', async () => {
    const { a, id } = await twoDesksWithOneStory();
    const onHub = await hub.local.get(id);
    // Someone deletes the story on the hub while this desk edits it offline.
    await hub.local.put({ ...onHub, _deleted: true });
    await a.store.services.articles.save(id, 1, content('离线时改的'), '甲');
    await a.replicator.runOnce();
    await a.replicator.runOnce();
    const stored = await a.stored(id);
    const tombstones = leaves(stored._revTree!).filter((l) => l.deleted);
    expect(tombstones).toHaveLength(1);
    expect(stored._deleted).toBeUndefined();
    expect(stored.headline).toBe('离线时改的');
    const live = await hub.local.get(id);
    expect(live._rev).toBe(stored._rev);
    expect(live.headline).toBe('离线时改的');
  });

  it('a resolution reaches the other desk and settles the conflict everywhere', async () => {
    const { a, b, id } = await twoDesksWithOneStory();
    await a.store.services.articles.save(id, 1, content('甲版'), '甲');
    await b.store.services.articles.save(id, 1, content('乙版'), '乙');
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    await a.replicator.runOnce();
    expect(a.store.services.articles.summary(id)?.conflicts).toBe(1);

    const current = await a.stored(id);
    await a.store.services.sync.resolve(id, current.revision, content('合并版'), '甲');
    expect(a.store.services.articles.summary(id)?.conflicts).toBe(0);
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    const sb = await b.stored(id);
    expect(sb.headline).toBe('合并版');
    expect(b.store.services.articles.summary(id)?.conflicts).toBe(0);
    expect((await hub.local.get(id, { conflicts: true }))._conflicts).toBeUndefined();
  });

  it('a resolution concurrent with another edit of the same conflict makes a new, visible conflict', async () => {
    const { a, b, id } = await twoDesksWithOneStory();
    await a.store.services.articles.save(id, 1, content('甲版'), '甲');
    await b.store.services.articles.save(id, 1, content('乙版'), '乙');
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    await a.replicator.runOnce();
    // A resolves while B, not yet seeing the resolution, edits its winning version.
    const sa = await a.stored(id);
    await a.store.services.sync.resolve(id, sa.revision, content('甲的合并版'), '甲');
    const sb = await b.stored(id);
    await b.store.services.articles.save(id, sb.revision, content('乙接着改'), '乙');
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    await a.replicator.runOnce();
    const [fa, fb] = [await a.stored(id), await b.stored(id)];
    expect(fa._rev).toBe(fb._rev);
    expect(a.store.services.articles.summary(id)?.conflicts).toBe(1);
    expect(b.store.services.articles.summary(id)?.conflicts).toBe(1);
    expect((await hub.local.get(id, { conflicts: true }))._conflicts).toHaveLength(1);
  });
});
