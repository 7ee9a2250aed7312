/**
 * A story deleted on the hub leaves every desk's listing, search and flatplan, keeps its history,
 * shows who deleted it, and comes back only when a person saving it says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient } from '../../../../electron/services/sync/hubClient';
import { revHash } from '../../../../electron/services/revisionTree/revTree';
import type { Article } from '../../../../shared/model/article';
import { deletionOf } from '../../../../shared/model/syncFields';
import { startTrustHub, type TrustHub } from './couchDouble/trustHub';
import { openTrustDesk, type TrustDesk } from './couchDouble/trustDesk';
import { content } from './syncFixture';

let hub: TrustHub;
let desks: TrustDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.store.cleanup();
  desks = [];
  await hub?.close();
});

const DATE = '2026-12-02';

describe('a story deleted on the hub', () => {
  it('leaves the desk, search and flatplan of every desk, keeps its history, and is restored only when asked', async () => {
    hub = await startTrustHub();
    const auth = {
      rita: await hub.addUser('rita', 'reporter'),
      wang: await hub.addUser('wang', 'chief_editor'),
      lin: await hub.addUser('lin', 'layout'),
    };
    const rita = await openTrustDesk(hub, auth.rita);
    const lin = await openTrustDesk(hub, auth.lin);
    desks = [rita, lin];
    const created = await rita.call<Article>('articles.create', { kind: 'story', content: content('将被删除的稿件') });
    await rita.call('articles.transition', { id: created.id, baseRevision: 1, to: 'submitted' });
    expect((await rita.replicator.runOnce()).refused).toEqual([]);
    await lin.replicator.runOnce();
    await lin.call('pageplan.createIssue', { date: DATE, template: '4版' });
    await lin.call('pageplan.place', { articleId: created.id, date: DATE, page: 'A01', slotId: 'A01-1' });
    const placedRows = await lin.call<{ rows: { articleId?: string | null }[] }>('pageplan.flatplan', { date: DATE });
    expect(JSON.stringify(placedRows)).toContain(created.id);
    await lin.replicator.runOnce();
    await rita.replicator.runOnce();

    // The chief editor deletes it on the hub (a signed tombstone on the winning leaf).
    const leaf = String((await hub.admin.db<{ _rev: string }>('GET', `/${created.id}`))._rev);
    const pos = Number(leaf.split('-')[0]) + 1;
    const hash = revHash(leaf, 'wang-deletes', true);
    const refused = await new HubClient(hub.dbUrl, auth.wang).bulkDocs([
      {
        _id: created.id,
        _rev: `${pos}-${hash}`,
        _revisions: { start: pos, ids: [hash, leaf.split('-')[1]!] },
        _deleted: true,
        updatedBy: 'wang',
        updatedAt: '2026-12-02T10:00:00.000Z',
      },
    ]);
    expect(refused).toEqual([]);

    for (const desk of [rita, lin]) {
      await desk.replicator.runOnce();
      const { services } = desk.store;
      expect(services.articles.summary(created.id)).toBeNull();
      expect(
        services.articles.list({ limit: 100, offset: 0, includeSpiked: true }).items.map((s) => s.id),
      ).not.toContain(created.id);
      await services.search.whenReady();
      expect((await services.search.query('将被删除', 10)).hits.map((h) => h.id)).not.toContain(created.id);
      // Shown as deleted by a named member; its text and history are kept.
      const stored = await services.articles.getStored(created.id);
      expect(deletionOf(stored)).toEqual({ by: 'wang', at: '2026-12-02T10:00:00.000Z' });
      expect(stored.headline).toBe('将被删除的稿件');
      expect((await services.revisions.list(created.id)).length).toBeGreaterThan(1);
    }
    const rows = await lin.call<{ rows: unknown[] }>('pageplan.flatplan', { date: DATE });
    expect(JSON.stringify(rows.rows)).not.toContain('将被删除的稿件');

    // Saving it asks first: a plain save is refused with `deleted`, naming who deleted it.
    const onRita = await rita.get(created.id);
    const plain = await rita.store.dispatch('articles.save', {
      id: created.id,
      baseRevision: onRita.revision,
      content: content('我要恢复它'),
    });
    expect(plain).toMatchObject({ ok: false, error: { code: 'deleted' } });
    expect(!plain.ok && plain.error.message).toContain('wang');
    // Her answer "yes, restore it": the author brings back her own submitted story, and the hub agrees.
    await rita.call('articles.save', {
      id: created.id,
      baseRevision: onRita.revision,
      content: content('我要恢复它'),
      restoreDeleted: true,
    });
    expect(rita.store.services.articles.summary(created.id)?.headline).toBe('我要恢复它');
    expect((await rita.replicator.runOnce()).refused).toEqual([]);
    await lin.replicator.runOnce();
    expect(lin.store.services.articles.summary(created.id)?.headline).toBe('我要恢复它');
  });
});
