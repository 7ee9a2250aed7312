/** Keeping one side of a plan conflict leaves every story's placement in step with the plan kept, on every desk. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Replicator } from '../../../../electron/services/sync/replicator';
import { openTempStore, type TempStore } from '../tempStore';
import { startStandInHub, type StandInHub } from './standInHub';
import { content } from './syncFixture';

const DATE = '2026-12-08';
let hub: StandInHub;
const stores: TempStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.cleanup();
  await hub?.close();
});

async function layoutDesk(name: string) {
  const store = await openTempStore({ userName: name, role: 'layout' });
  stores.push(store);
  const replicator: Replicator = store.services.sync.replicatorFor(hub.dbUrl, null);
  return { store, replicator };
}

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

type Desk = Awaited<ReturnType<typeof layoutDesk>>;

/** Two layout desks fill one slot with two approved stories apart, then sync: a plan conflict on both. */
async function slotFilledTwice() {
  hub = await startStandInHub();
  const a = await layoutDesk('甲');
  const b = await layoutDesk('乙');
  const issue = await ok(a.store.client.call('pageplan.createIssue', { date: DATE }));
  const page = issue.pages[0]!;
  const slotId = page.slots[0]!.id;
  const approved = async (headline: string) => {
    const s = await a.store.services.articles.create('story', content(headline), '甲');
    return a.store.services.articles.update(s.id, 1, '甲', (x) => ({ ...x, status: 'approved' }));
  };
  const x = await approved('甲排的稿');
  const y = await approved('乙排的稿');
  await a.replicator.runOnce();
  await b.replicator.runOnce();
  await ok(a.store.client.call('pageplan.place', { articleId: x.id, date: DATE, page: page.label, slotId }));
  await ok(b.store.client.call('pageplan.place', { articleId: y.id, date: DATE, page: page.label, slotId }));
  const syncAll = async () => {
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    await a.replicator.runOnce();
  };
  await syncAll();
  return { a, b, x, y, slotId, issueId: issue.id, syncAll };
}

async function slotHolder(desk: Desk, issueId: string, slotId: string) {
  return (await desk.store.services.issues.get(issueId)).pages[0]!.slots.find((s) => s.id === slotId)!.articleId;
}

describe('keeping one plan of a conflict', () => {
  it.each(['shown', 'other'] as const)(
    'keeping the %s plan unplaces the story only the retired plan placed, on both desks',
    async (which) => {
      const { a, b, x, y, slotId, issueId, syncAll } = await slotFilledTwice();
      const conflict = await ok(a.store.client.call('sync.planConflict', { date: DATE }));
      expect(conflict.others).toHaveLength(1);
      const keep = which === 'shown' ? conflict.current.rev : conflict.others[0]!.rev;
      await ok(a.store.client.call('sync.resolvePlan', { date: DATE, keep }));
      const kept = await slotHolder(a, issueId, slotId);
      const lost = kept === x.id ? y.id : x.id;
      expect([x.id, y.id]).toContain(kept);

      // On the desk that settled it at once, then on the other after one sync.
      await syncAll();
      for (const desk of [a, b]) {
        expect(await slotHolder(desk, issueId, slotId)).toBe(kept);
        const winner = await desk.store.services.articles.get(kept!);
        expect(winner.placement).toMatchObject({ issueDate: DATE, slotId });
        expect(winner.status).toBe('placed');
        const loser = await desk.store.services.articles.get(lost);
        expect(loser.placement).toBeNull();
        expect(loser.status).toBe('approved');
        // The loser is back in the pool (the flatplan's list of unplaced stories).
        const pool = await ok(desk.store.client.call('articles.list', { page: '-', offset: 0, limit: 50 }));
        expect(pool.items.map((s) => s.id)).toContain(lost);
        expect(pool.items.map((s) => s.id)).not.toContain(kept);
        expect(await ok(desk.store.client.call('sync.planConflict', { date: DATE }))).toMatchObject({ others: [] });
      }
    },
  );
});
