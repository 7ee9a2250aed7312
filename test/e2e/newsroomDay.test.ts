/**
 * A newsroom day end to end (issue 23): a reporter, a copy editor, a chief editor and layout, each on
 * a desk of their own (own store, host, hub account, browser tab), and one hub (the CouchDB double
 * set up by `hub init` and `hub add-user`). The reporter drafts and submits on a desk with no hub
 * yet, enters her hub account while the hub is out of reach, and syncs when it is back; the copy
 * editor edits in 留痕 mode and the chief editor accepts it and approves; layout places the story; the
 * chief editor approves again after layout; layout exports. Every step a person does by hand is done
 * in the renderer; the issue itself is set up through the API. At the end all four desks and the hub
 * hold the same winning revision, body and status, and no conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { articleOnly } from '../../shared/model/syncFields';
import { startTrustHub, type TrustHub } from '../electron/services/sync/couchDouble/trustHub';
import { startHubProxy, type HubProxy } from '../electron/services/sync/hubProxy';
import { launchChromium } from './harness';
import { startNewsroomDesk, type NewsroomDesk } from './helpers/newsroom';
import { bodyText, focusBodyEnd, gotoDesk, newStory, openStory, selectInBody, typeChinese } from './helpers/story';

const DATE = '2026-12-09';
const SHOTS = '/tmp/newsdesk-day';

async function indicator(page: Page): Promise<string | null> {
  return page.textContent('[data-testid="sync-indicator"]');
}

async function statusOf(page: Page): Promise<string | null> {
  return page.textContent('[data-testid="story-status"]');
}

describe('a newsroom day: four desks and one hub', () => {
  let hub: TrustHub;
  let relay: HubProxy;
  let browser: Browser;
  const desks: NewsroomDesk[] = [];
  let reporter: NewsroomDesk;
  let copy: NewsroomDesk;
  let chief: NewsroomDesk;
  let layout: NewsroomDesk;
  let password: string;

  beforeAll(async () => {
    hub = await startTrustHub();
    const accounts = {
      gaoxy: await hub.addUser('gaoxy', 'reporter'),
      chenli: await hub.addUser('chenli', 'copy_editor'),
      wangzb: await hub.addUser('wangzb', 'chief_editor'),
      linbm: await hub.addUser('linbm', 'layout'),
    };
    // The reporter's laptop reaches the hub through a relay that is down: she is out of the office.
    relay = await startHubProxy(hub.dbUrl);
    await relay.down();
    password = accounts.gaoxy.password;
    browser = await launchChromium();
    const desk = async (user: keyof typeof accounts) => {
      const d = await startNewsroomDesk(
        browser,
        { hubUrl: hub.dbUrl, hubUser: user, userName: user },
        accounts[user].password,
      );
      desks.push(d);
      return d;
    };
    // Her desk has no hub yet: she works under the name she typed in settings.
    const own = startNewsroomDesk(browser, { userName: '高晓燕', role: 'reporter' }, null).then((d) => {
      desks.push(d);
      return d;
    });
    [reporter, copy, chief, layout] = await Promise.all([own, desk('chenli'), desk('wangzb'), desk('linbm')]);
    // Each desk is who the hub says (the reporter's from the hub user name until she reaches it).
    for (const d of [copy, chief, layout]) {
      for (let i = 0; !d.services.settings.get().hubIdentity && i < 300; i++)
        await new Promise((w) => setTimeout(w, 50));
    }
    // The day's issue exists on the layout desk before the day starts (set up, not typed).
    const created = await layout.client.call('pageplan.createIssue', { date: DATE, template: '4版' });
    if (!created.ok) throw new Error(created.error.message);
  });

  afterAll(async () => {
    for (const d of desks) await d.close().catch(() => undefined);
    await browser?.close();
    await relay?.close();
    await hub?.close();
  });

  it('offline draft and submit, 留痕 edit accepted, approve, place, approve after layout, export; all agree', async () => {
    expect([copy, chief, layout].map((d) => d.services.settings.get().hubIdentity?.role)).toEqual([
      'copy-editor',
      'chief-editor',
      'layout',
    ]);
    // 1. The reporter drafts and submits offline.
    const r = reporter.page;
    const id = await newStory(r);
    await r.click('[data-testid="field-headline"]');
    await typeChinese(reporter, 'shizhengfu', '市政府');
    await typeChinese(reporter, 'zhaokai', '召开');
    await typeChinese(reporter, 'changwuhuiyi', '常务会议');
    await r.fill('[data-testid="field-source"]', '本报讯');
    await focusBodyEnd(r);
    await typeChinese(reporter, 'huiyiyanjiule', '会议研究了');
    await typeChinese(reporter, 'mingnianjihua', '明年计划。');
    await r.click('[data-testid="workflow-submitted"]');
    await expect.poll(() => statusOf(r), { timeout: 15_000 }).toBe('已交稿');
    expect((await reporter.services.articles.get(id)).createdBy).toBe('高晓燕');
    await r.screenshot({ path: `${SHOTS}-1-reporter-no-hub.png` });

    // She enters the hub account she was given, from home: the hub is out of reach.
    await r.click('[data-testid="open-settings"]');
    await r.fill('[data-testid="hub-url"]', relay.dbUrl);
    await r.fill('[data-testid="hub-user"]', 'gaoxy');
    await r.fill('[data-testid="hub-password"]', password);
    await r.click('[data-testid="hub-apply"]');
    await expect.poll(() => r.textContent('[data-testid="hub-result"]'), { timeout: 15_000 }).toContain('已保存');
    await r.screenshot({ path: `${SHOTS}-1-reporter-settings.png` });
    await r.click('.dialog-backdrop', { position: { x: 5, y: 5 } });
    await expect.poll(() => indicator(r), { timeout: 15_000 }).toBe('离线');
    expect(await hub.admin.db('GET', `/${id}`).catch(() => null)).toBeNull();
    await r.screenshot({ path: `${SHOTS}-1-reporter-offline.png` });

    // Back in the office: the hub names her, and the story she wrote before reaches it as hers.
    await relay.up();
    await expect.poll(() => indicator(r), { timeout: 20_000 }).toBe('已同步');
    const onHub = () => hub.admin.db<Record<string, unknown>>('GET', `/${id}`);
    expect(await onHub()).toMatchObject({ status: 'submitted', createdBy: 'gaoxy', headline: '市政府召开常务会议' });
    // The top bar says who the hub says she is, without a reload.
    await expect.poll(() => r.textContent('[data-testid="current-user"]'), { timeout: 15_000 }).toContain('gaoxy');
    await r.screenshot({ path: `${SHOTS}-1-reporter-synced.png` });

    // 2. The copy editor edits in 留痕 mode and passes it on with the suggestion pending.
    const c = copy.page;
    await gotoDesk(c);
    await expect
      .poll(() => c.locator(`[data-testid="story-row"][data-id="${id}"]`).count(), { timeout: 15_000 })
      .toBe(1);
    await openStory(c, id);
    expect(await c.isChecked('[data-testid="suggest-toggle"]')).toBe(true);
    await selectInBody(c, [0, 5]);
    await typeChinese(copy, 'he', '和');
    await typeChinese(copy, 'jinnian', '今年');
    await expect.poll(() => bodyText(c)).toEqual(['会议研究了和今年明年计划。']);
    await expect.poll(() => c.locator('[data-testid="change-item"]').count()).toBe(1);
    await c.click('[data-testid="workflow-edited"]');
    // Suggestions still pending: the desk asks before passing the copy on.
    await c.click('[data-testid="confirm-pending-yes"]');
    await expect.poll(() => statusOf(c), { timeout: 15_000 }).toBe('已编辑');
    await c.screenshot({ path: `${SHOTS}-2-copy-editor.png` });
    await expect.poll(async () => (await onHub()).status, { timeout: 15_000 }).toBe('edited');

    // 3. The chief editor accepts the suggestion and approves.
    const z = chief.page;
    await gotoDesk(z);
    await expect.poll(() => chief.services.articles.summary(id)?.status, { timeout: 15_000 }).toBe('edited');
    await openStory(z, id);
    await expect.poll(() => z.locator('[data-testid="change-item"]').count(), { timeout: 15_000 }).toBe(1);
    await z.click('[data-testid="change-item"] [data-testid="accept-one"]');
    await expect.poll(() => z.locator('[data-testid="change-item"]').count()).toBe(0);
    await expect.poll(() => bodyText(z)).toEqual(['会议研究了和今年明年计划。']);
    await z.click('[data-testid="workflow-approved"]');
    await expect.poll(() => statusOf(z), { timeout: 15_000 }).toBe('已签发');
    await z.screenshot({ path: `${SHOTS}-3-chief-approved.png` });
    // Read once more before it goes to a page: the chief editor returns it for a last look.
    await z.click('[data-testid="workflow-edited"]');
    await z.fill('[data-testid="return-note"]', '上版后再签一次');
    await z.click('[data-testid="return-confirm"]');
    await expect.poll(() => statusOf(z), { timeout: 15_000 }).toBe('已编辑');
    await expect.poll(async () => (await onHub()).status, { timeout: 15_000 }).toBe('edited');

    // 4. Layout places it on the front page by dragging it from the pool into a slot.
    const l = layout.page;
    await gotoDesk(l);
    await l.click('[data-testid="nav-flatplan"]');
    await l.waitForSelector('[data-testid="flatplan"]');
    // The pool shows approved stories by default; this one waits for the second approval, so show them all.
    await l.selectOption('[data-testid="fp-pool-status"]', 'all');
    const story = l.locator(`[data-testid="fp-story"][data-id="${id}"]`);
    await expect.poll(() => story.count(), { timeout: 15_000 }).toBe(1);
    const slot = '[data-testid="fp-slot"][data-slot="A01-2"]';
    await l.dragAndDrop(`[data-testid="fp-story"][data-id="${id}"]`, slot);
    await expect.poll(() => l.getAttribute(slot, 'data-article'), { timeout: 15_000 }).toBe(id);
    await l.screenshot({ path: `${SHOTS}-4-layout-placed.png` });
    await expect
      .poll(async () => (await onHub()).placement, { timeout: 15_000 })
      .toMatchObject({ issueDate: DATE, page: 'A01', slotId: 'A01-2' });

    // 5. The chief editor approves again after layout: approving a placed story places it.
    await expect
      .poll(() => chief.services.articles.summary(id)?.placement?.slotId ?? null, { timeout: 15_000 })
      .toBe('A01-2');
    await z.click('[data-testid="nav-desk"]');
    await openStory(z, id);
    await z.click('[data-testid="workflow-approved"]');
    await expect.poll(() => statusOf(z), { timeout: 15_000 }).toBe('已上版');
    await z.screenshot({ path: `${SHOTS}-5-chief-approved-placed.png` });
    await expect.poll(async () => (await onHub()).status, { timeout: 15_000 }).toBe('placed');
    await expect.poll(() => indicator(z), { timeout: 15_000 }).toBe('已同步');

    // 6. Layout exports the issue on the layout desk: the gate passes, no DRAFT.
    await expect.poll(() => layout.services.articles.summary(id)?.status, { timeout: 15_000 }).toBe('placed');
    await l.click('[data-testid="nav-desk"]');
    await l.click('[data-testid="nav-flatplan"]');
    await l.waitForSelector('[data-testid="fp-meta"]');
    await l.click('[data-testid="export-start"]');
    const done = l.locator('[data-testid="export-done"]');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).not.toContain('DRAFT');
    expect(existsSync(`${layout.dataDir}/exports/${DATE}.zip`)).toBe(true);
    await l.screenshot({ path: `${SHOTS}-6-layout-exported.png` });

    // All four desks and the hub agree: one winning revision, the same body and status, no conflict.
    const hubDoc = await onHub();
    await expect
      .poll(
        async () => {
          const revs = await Promise.all(desks.map(async (d) => (await d.services.articles.getStored(id))._rev));
          return revs.every((rev) => rev === hubDoc._rev);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const conflicts = await hub.admin.db<{ _conflicts?: string[] }>('GET', `/${id}?conflicts=true`);
    expect(conflicts._conflicts ?? []).toEqual([]);
    for (const d of desks) {
      const stored = await d.services.articles.getStored(id);
      expect(Object.keys(stored._leaves ?? {})).toEqual([]);
      expect(stored._deleted).toBeUndefined();
      const { revision: _r, ...body } = articleOnly(stored);
      for (const [k, v] of Object.entries(body)) expect({ [k]: hubDoc[k] }).toEqual({ [k]: v });
    }
    expect(hubDoc).toMatchObject({ status: 'placed', createdBy: 'gaoxy', updatedBy: 'wangzb' });
    for (const d of [reporter, copy, layout]) await expect.poll(() => indicator(d.page)).toBe('已同步');
    // The day's plan too: one winning revision of it everywhere, with the story in its slot.
    const plan = await hub.admin.db<{ _rev: string; pages: { slots: { id: string; articleId?: string }[] }[] }>(
      'GET',
      `/i-${DATE}?conflicts=true`,
    );
    expect(plan.pages[0]!.slots.find((s) => s.id === 'A01-2')?.articleId).toBe(id);
    for (const d of desks) expect((await d.services.issues.getStored(`i-${DATE}`))._rev).toBe(plan._rev);
    // What each person sees of the story at the end of the day.
    for (const [who, d] of Object.entries({ reporter, copy, chief, layout })) {
      await d.page.evaluate((story) => {
        location.hash = `#/story/${story}`;
      }, id);
      await expect.poll(() => statusOf(d.page), { timeout: 15_000 }).toBe('已上版');
      await d.page.screenshot({ path: `${SHOTS}-7-end-${who}.png` });
    }
  });
});
