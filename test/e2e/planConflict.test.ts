/** Two layout desks fill one slot with different stories: the flatplan shows both plans until a person keeps one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from '../electron/services/sync/standInHub';
import { addHubUser, initHub } from '../../electron/services/sync/hubAdmin';
import { HubClient } from '../../electron/services/sync/hubClient';
import { openTempStore, type TempStore } from '../electron/services/tempStore';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk } from './helpers/story';
import { PagePlanService } from '../../electron/services/pageplan/pagePlanService';
import { placeStory } from '../../shared/rules/pageplan/planEdits';

const DATE = '2026-12-08';

describe('a plan conflict on the flatplan', () => {
  let hub: StandInHub;
  let app: E2eApp;
  let other: TempStore;
  beforeAll(async () => {
    hub = await startStandInHub();
    // Desk A is the browser's; desk B is another layout desk's store. Both sync with one hub by hand,
    // so the two placements are made apart, as two desks offline would.
    app = await startE2eApp({ role: 'layout', userName: '甲' });
    other = await openTempStore({ role: 'layout', userName: '乙' });
  });
  afterAll(async () => {
    await app?.close();
    await other?.cleanup();
    await hub?.close();
  });

  it('names the slot both desks filled, with both stories, and keeping one ends it', async () => {
    const a = app.services;
    const b = other.services;
    const syncA = a.sync.replicatorFor(hub.dbUrl, null);
    const syncB = b.sync.replicatorFor(hub.dbUrl, null);
    const created = await other.client.call('pageplan.createIssue', { date: DATE });
    if (!created.ok) throw new Error(created.error.message);
    const issue = created.value;
    const page = issue.pages[0]!;
    const slotId = page.slots[0]!.id;
    const x = await b.articles.create('story', { headline: '甲放进头条的稿' }, '乙');
    const y = await b.articles.create('story', { headline: '乙放进头条的稿' }, '乙');
    await syncB.runOnce();
    await syncA.runOnce();
    // Desk A places through the same service its pageplan.place channel runs.
    await new PagePlanService(a).edit(DATE, undefined, (p) => placeStory(p, x.id, page.label, slotId), '甲');
    const placeB = await other.client.call('pageplan.place', { articleId: y.id, date: DATE, page: page.label, slotId });
    expect(placeB.ok).toBe(true);
    await syncA.runOnce();
    await syncB.runOnce();
    await syncA.runOnce();

    const { page: tab } = app;
    await gotoDesk(tab);
    await tab.click('[data-testid="nav-flatplan"]');
    await tab.waitForSelector('[data-testid="flatplan"]');
    const banner = tab.locator('[data-testid="plan-conflict"]');
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    // Both stories by name (headlines load after the conflict), and who saved the other plan.
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toContain('甲放进头条的稿');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('乙放进头条的稿');
    expect(text).toMatch(/另一版本由 (甲|乙) 保存/);
    expect(await tab.locator('[data-testid="plan-conflict-slot"]').count()).toBe(1);
    await tab.screenshot({ path: '/tmp/newsdesk-plan-conflict.png' });

    await tab.click('[data-testid="plan-keep-other"]');
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await syncA.runOnce();
    await syncB.runOnce();
    const kept = (await b.issues.get(issue.id)).pages[0]!.slots.find((s) => s.id === slotId)!.articleId;
    expect((await a.issues.get(issue.id)).pages[0]!.slots.find((s) => s.id === slotId)!.articleId).toBe(kept);
    const conflict = await other.client.call('sync.planConflict', { date: DATE });
    expect(conflict.ok && conflict.value.others).toEqual([]);
    // The story only the retired plan placed no longer points at the slot: it is back in the pool, on both desks.
    const lost = kept === x.id ? y.id : x.id;
    expect((await a.articles.get(lost)).placement).toBeNull();
    expect((await b.articles.get(lost)).placement).toBeNull();
    expect((await b.articles.get(kept!)).placement).toMatchObject({ issueDate: DATE, slotId });
    // The pool shows approved stories by default; look at all of them, whatever the lost story's status.
    await tab.selectOption('[data-testid="fp-pool-status"]', 'all');
    await expect
      .poll(() => tab.locator(`[data-testid="fp-story"][data-id="${lost}"]`).count(), { timeout: 15_000 })
      .toBe(1);
    await expect
      .poll(() => tab.getAttribute(`[data-testid="fp-slot"][data-slot="${slotId}"]`, 'data-article'))
      .toBe(kept);
    await tab.screenshot({ path: '/tmp/newsdesk-plan-conflict-kept.png' });
  });

  it('says on the flatplan when the hub refused the day’s plan, with the hub’s reason', async () => {
    const admin = { user: 'admin', password: 'admin-pw' };
    const guarded = await startStandInHub('guarded', { admin });
    try {
      const adminClient = new HubClient(guarded.dbUrl, admin);
      await initHub(adminClient);
      await addHubUser(adminClient, 'rita', 'reporter', 'rita-pw');
      // This desk is set to layout locally, but its hub account is a reporter's.
      await app.services.sync.runOnce(guarded.dbUrl, { user: 'rita', password: 'rita-pw' });
      const { page: tab } = app;
      // Back to the desk and to the flatplan again: the plan screen reads what sync left on opening.
      await tab.click('[data-testid="nav-desk"]');
      await tab.waitForSelector('[data-testid="desk"]');
      await tab.click('[data-testid="nav-flatplan"]');
      await tab.waitForSelector('[data-testid="flatplan"]');
      const banner = tab.locator('[data-testid="plan-refused"]');
      await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
      expect(await banner.textContent()).toContain('只有版面编辑和值班总编可以修改版面计划');
      await tab.screenshot({ path: '/tmp/newsdesk-plan-refused.png' });
    } finally {
      await guarded.close();
    }
  });
});
