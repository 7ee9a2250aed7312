/** Sync end to end: two desks (two browser hosts on two stores) and one hub; a story typed on one appears on the other. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from '../electron/services/sync/standInHub';
import { startE2eApp, type E2eApp } from './harness';
import { focusBodyEnd, gotoDesk, insertText, newStory, typeChinese, waitForSaved } from './helpers/story';

describe('two desks syncing through one hub', () => {
  let hub: StandInHub;
  let a: E2eApp;
  let b: E2eApp;
  beforeAll(async () => {
    hub = await startStandInHub();
    a = await startE2eApp({ userName: '甲', hubUrl: hub.dbUrl });
    b = await startE2eApp({ userName: '乙', hubUrl: hub.dbUrl });
    // Desk B already has a story of its own, so it opens on the desk rather than the sample offer.
    await b.services.articles.create('story', { headline: '乙自己的稿' }, '乙');
    await b.reopen();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await hub?.close();
  });

  it('a story typed on one desk appears on the other desk, and an edit updates it in place', async () => {
    await gotoDesk(b.page);
    await b.page.waitForSelector('[data-testid="story-row"]');
    const id = await newStory(a.page);
    await a.page.click('[data-testid="field-headline"]');
    await typeChinese(a, 'tongbu', '同步');
    await insertText(a, '到另一台电脑');
    await focusBodyEnd(a.page);
    await insertText(a, '这是甲在自己电脑上写的稿子。');
    await waitForSaved(a.page);

    const row = b.page.locator(`[data-testid="story-row"][data-id="${id}"]`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('同步到另一台电脑');
    await expect.poll(() => a.page.textContent('[data-testid="sync-indicator"]'), { timeout: 15_000 }).toBe('已同步');
    await expect.poll(() => b.page.textContent('[data-testid="sync-indicator"]'), { timeout: 15_000 }).toBe('已同步');

    await a.page.fill('[data-testid="field-headline"]', '同步后又改了标题');
    await waitForSaved(a.page);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('同步后又改了标题');
    await b.page.screenshot({ path: '/tmp/newsdesk-sync-desk-b.png' });
    await a.page.screenshot({ path: '/tmp/newsdesk-sync-story-a.png' });
    const onB = await b.services.articles.get(id);
    expect(onB.headline).toBe('同步后又改了标题');
  });

  it('shows the hub settings with 测试连接', async () => {
    await b.page.click('[data-testid="open-settings"]');
    await b.page.fill('[data-testid="hub-url"]', hub.dbUrl);
    await b.page.click('[data-testid="hub-test"]');
    await expect.poll(() => b.page.textContent('[data-testid="hub-result"]')).toContain('连接成功');
    await b.page.screenshot({ path: '/tmp/newsdesk-sync-settings.png' });
  });
});
