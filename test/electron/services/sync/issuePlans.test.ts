import { afterEach, describe, expect, it } from 'vitest';
import { addHubUser, initHub } from '../../../../electron/services/sync/hubAdmin';
import { HubClient } from '../../../../electron/services/sync/hubClient';
import type { Replicator } from '../../../../electron/services/sync/replicator';
import { issuePlanRefusal } from '../../../../shared/rules/sync/issuePlanRule';
import { openTempStore, type TempStore } from '../tempStore';
import { startStandInHub, type StandInHub } from './standInHub';
import { content } from './syncFixture';

const DATE = '2026-12-08';
const ADMIN = { user: 'admin', password: 'admin-pw' };
let hub: StandInHub;
const stores: TempStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.cleanup();
  await hub?.close();
});

async function layoutDesk(name: string, auth: { user: string; password: string } | null = null) {
  const store = await openTempStore({ userName: name, role: 'layout' });
  stores.push(store);
  const replicator: Replicator = store.services.sync.replicatorFor(hub.dbUrl, auth);
  return { store, replicator };
}

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('issue plans sync as their own documents', () => {
  it('reach the other desk; two desks placing different stories in one slot end in a visible conflict', async () => {
    hub = await startStandInHub();
    const a = await layoutDesk('甲');
    const b = await layoutDesk('乙');
    const issue = await ok(a.store.client.call('pageplan.createIssue', { date: DATE }));
    const page = issue.pages[0]!;
    const slotId = page.slots[0]!.id;
    const x = await a.store.services.articles.create('story', content('甲排的稿'), '甲');
    const y = await a.store.services.articles.create('story', content('乙排的稿'), '甲');
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    // The plan arrived as it is on desk A.
    expect((await b.store.services.issues.get(issue.id)).pages).toEqual(issue.pages);

    // Offline, each desk fills the same slot with a different story.
    await ok(a.store.client.call('pageplan.place', { articleId: x.id, date: DATE, page: page.label, slotId }));
    await ok(b.store.client.call('pageplan.place', { articleId: y.id, date: DATE, page: page.label, slotId }));
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    await a.replicator.runOnce();

    const onA = await ok(a.store.client.call('sync.planConflict', { date: DATE }));
    const onB = await ok(b.store.client.call('sync.planConflict', { date: DATE }));
    expect(onA.others).toHaveLength(1);
    expect(onB.others).toHaveLength(1);
    // Both desks show the same plan as the winner and the other as the conflict: nothing overwritten.
    expect(onA.current.rev).toBe(onB.current.rev);
    const slotOf = (plan: { pages: { slots: { id: string; articleId?: string }[] }[] }) =>
      plan.pages[0]!.slots.find((s) => s.id === slotId)!.articleId;
    expect([slotOf(onA.current), slotOf(onA.others[0]!)].sort()).toEqual([x.id, y.id].sort());

    // A person keeps desk B's plan on desk A; every replica then holds that one plan.
    const keep = slotOf(onA.current) === y.id ? onA.current.rev : onA.others[0]!.rev;
    await ok(a.store.client.call('sync.resolvePlan', { date: DATE, keep }));
    await a.replicator.runOnce();
    await b.replicator.runOnce();
    for (const desk of [a, b]) {
      const view = await ok(desk.store.client.call('sync.planConflict', { date: DATE }));
      expect(view.others).toEqual([]);
      expect(slotOf(view.current)).toBe(y.id);
    }
  });

  it('are written on the hub by layout and the chief editor only', async () => {
    hub = await startStandInHub('newsroom', { admin: ADMIN });
    const admin = new HubClient(hub.dbUrl, hub.serverAdmin);
    await initHub(admin);
    await addHubUser(admin, 'lin', 'layout', 'lin-pw');
    await addHubUser(admin, 'rita', 'reporter', 'rita-pw');
    // A desk set to layout locally but signed in to the hub as a reporter: the hub refuses the plan.
    const rita = await layoutDesk('rita', { user: 'rita', password: 'rita-pw' });
    const plan = await ok(rita.store.client.call('pageplan.createIssue', { date: DATE }));
    const refused = await rita.replicator.runOnce();
    expect(refused.refused.map((r) => [r.id, r.reason])).toEqual([[plan.id, '只有版面编辑和值班总编可以修改版面计划']]);
    await expect(hub.local.get(plan.id)).rejects.toMatchObject({ status: 404 });

    const lin = await layoutDesk('lin', { user: 'lin', password: 'lin-pw' });
    const linPlan = await ok(lin.store.client.call('pageplan.createIssue', { date: '2026-12-09' }));
    expect((await lin.replicator.runOnce()).refused).toEqual([]);
    expect((await hub.local.get(linPlan.id)).date).toBe('2026-12-09');
  });

  it('the plan rule itself, as the app and the hub run it', () => {
    const table: [string, string[], boolean][] = [
      ['i-2026-12-08', ['layout'], true],
      ['i-2026-12-08', ['chief_editor'], true],
      ['i-2026-12-08', ['reporter'], false],
      ['i-2026-12-08', ['copy_editor'], false],
      ['i-2026-12-08', [], false],
      ['a-story12345', ['reporter'], true],
    ];
    for (const [id, roles, allowed] of table) expect(issuePlanRefusal(id, roles) === null).toBe(allowed);
  });
});
