/**
 * Stories deleted on the hub are listed on the desk (已删除) with who deleted them and when; each
 * opens with its revisions reachable, and a restore asks first in the app's own confirm dialog (Escape
 * or 取消 says no), as saving a deleted story does. The list and the question pass axe-core here (the
 * axe run in axe.test.ts has no hub, so no deleted story to list).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { E2eApp } from './harness';
import { seriousViolations } from './helpers/axe';
import { closeHubDesk, deleteOnHub, onHub as hubDoc, startRitaOnHub, type HubDesk } from './helpers/hubDesk';
import { gotoDesk } from './helpers/story';

describe('the desk’s list of deleted stories', () => {
  let desk: HubDesk | undefined;
  let app: E2eApp;
  afterAll(() => closeHubDesk(desk));

  it('names who deleted it and when, opens its revisions, and restores it only after asking', async () => {
    desk = await startRitaOnHub();
    app = desk.app;
    const { hub } = desk;
    const articles = app.services.articles;
    const story = await articles.create(
      'story',
      { headline: '被总编删掉的稿', source: '本报讯', body: [{ type: 'paragraph', children: [{ text: '第一稿。' }] }] },
      'rita',
    );
    await articles.update(story.id, 1, 'rita', (a) => ({
      ...a,
      body: [{ type: 'paragraph', children: [{ text: '第二稿。' }] }],
    }));
    await articles.create('story', { headline: '留着的稿', source: '本报讯' }, 'rita');
    const onHub = () => hubDoc<{ _rev: string; body?: unknown }>(hub, story.id);
    await expect.poll(async () => (await onHub())?._rev.startsWith('2-'), { timeout: 15_000 }).toBe(true);

    // The chief editor deletes it on the hub.
    const deletedAt = await deleteOnHub(desk, story.id);

    const { page } = app;
    // The app's CSP allows no inline script; axe is injected as one, so the test page alone lifts the CSP.
    await app.cdp.send('Page.setBypassCSP', { enabled: true });
    await app.reopen();
    await gotoDesk(page);
    await expect.poll(() => page.locator(`[data-testid="story-row"][data-id="${story.id}"]`).count()).toBe(0);
    const button = page.locator('[data-testid="deleted-open"]');
    await expect.poll(() => button.textContent(), { timeout: 15_000 }).toBe('已删除 1');
    await button.click();
    const row = page.locator(`[data-testid="deleted-row"][data-id="${story.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('被总编删掉的稿');
    expect(await row.locator('[data-testid="deleted-by"]').textContent()).toBe('wang');
    expect(await row.locator('[data-testid="deleted-at"]').getAttribute('title')).toBe(deletedAt);
    expect(await page.locator('[data-testid="deleted-row"]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/newsdesk-deleted-list.png' });
    expect(await seriousViolations(page)).toEqual([]);

    // Its history is reachable: it opens, and its revisions are there.
    await row.locator('[data-testid="deleted-show"]').click();
    await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${story.id}"]`);
    await page.click('[data-testid="open-revisions"]');
    // One sitting's saves show as one revision with its autosaves underneath (revisionGroups): open them all.
    await page.waitForSelector('[data-testid="revision-item"]');
    for (const toggle of await page.locator('[data-testid="revision-group-toggle"][aria-expanded="false"]').all())
      await toggle.click();
    await expect
      .poll(() => page.locator('[data-testid="revision-item"], [data-testid="revision-autosave"]').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: '/tmp/newsdesk-deleted-revisions.png' });

    // Restoring asks first, naming who deleted it; saying no leaves it deleted.
    await page.click('[data-testid="revisions-view"] button:has-text("关闭")');
    await page.click('[data-testid="nav-desk"]');
    await gotoDesk(page);
    await page.click('[data-testid="deleted-open"]');
    // No browser dialog: the question is the app's own, on top of the list.
    page.on('dialog', (d) => {
      throw new Error(`unexpected browser dialog: ${d.message()}`);
    });
    const confirm = page.locator('[data-testid="deleted-restore-confirm"]');
    await row.locator('[data-testid="deleted-restore"]').click();
    await confirm.waitFor();
    expect(await confirm.getAttribute('role')).toBe('alertdialog');
    const question = (await confirm.textContent()) ?? '';
    expect(question).toContain('wang');
    expect(question).toContain('被总编删掉的稿');
    // 取消 has the focus: Enter on an unread question does not restore.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-cancel');
    await page.screenshot({ path: '/tmp/newsdesk-deleted-confirm.png' });
    expect(await seriousViolations(page)).toEqual([]);
    // Escape says no and closes only the question; the list stays open.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="deleted-list"]').count()).toBe(1);
    expect(await row.count()).toBe(1);
    expect(articles.summary(story.id)).toBeNull();
    // 取消 says no as well.
    await row.locator('[data-testid="deleted-restore"]').click();
    await confirm.locator('[data-testid="confirm-cancel"]').click();
    await confirm.waitFor({ state: 'detached' });
    expect(articles.summary(story.id)).toBeNull();

    await row.locator('[data-testid="deleted-restore"]').click();
    await confirm.locator('[data-testid="confirm-ok"]').click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    expect(articles.summary(story.id)?.headline).toBe('被总编删掉的稿');
    await page.click('[data-testid="deleted-close"]');
    await expect
      .poll(() => page.locator(`[data-testid="story-row"][data-id="${story.id}"]`).count(), { timeout: 15_000 })
      .toBe(1);
    // Restored on the hub too, with the last text it had.
    await expect
      .poll(async () => JSON.stringify((await onHub())?.body ?? null), { timeout: 15_000 })
      .toContain('第二稿');
    await expect.poll(() => page.locator('[data-testid="deleted-open"]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/newsdesk-deleted-restored.png' });
  });
});
