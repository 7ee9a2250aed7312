/** A story the hub refuses is marked on the desk, in the editor and in the top bar until discarded; unreadable hub revisions are named on the desk. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from '../electron/services/sync/standInHub';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk, openStory, paragraphs } from './helpers/story';

describe('what the hub refused stays in sight', () => {
  let hub: StandInHub;
  let app: E2eApp;
  beforeAll(async () => {
    // max_document_size is server config, which only pouchdb-server models here.
    hub = await startStandInHub('newsroom', { impl: 'pouchdb-server' });
    // The stand-in applies CouchDB's max_document_size to each request body: the refusal used here.
    await hub.config('couchdb', 'max_document_size', '40000');
    // A document with one of our ids that this version cannot read (another peer's).
    await hub.local.put({ _id: 'a-foreign01', headline: '不完整的外来稿' });
    app = await startE2eApp({ userName: '甲', hubUrl: hub.dbUrl });
  });
  afterAll(async () => {
    await app?.close();
    await hub?.close();
  });

  it('marks the story 被拒 with the hub’s reason on the desk, in the top bar and the editor; 放弃本机修改 ends it', async () => {
    const articles = app.services.articles;
    const story = await articles.create('story', { headline: '超长稿', body: paragraphs('短的正文。') }, '甲');
    await expect.poll(async () => (await hub.local.get(story.id).catch(() => null))?.headline).toBe('超长稿');
    await articles.save(
      story.id,
      1,
      { ...(await articles.get(story.id)), body: paragraphs('很长的正文。'.repeat(20_000)) },
      '甲',
    );
    await app.reopen();
    await gotoDesk(app.page);
    const pill = app.page.locator(`[data-testid="story-row"][data-id="${story.id}"] [data-testid="desk-refused"]`);
    await expect.poll(() => pill.count(), { timeout: 15_000 }).toBe(1);
    expect(await pill.textContent()).toBe('被拒');
    expect(await pill.getAttribute('title')).toContain('超过中心库的单篇大小上限');
    await expect.poll(() => app.page.textContent('[data-testid="sync-indicator"]'), { timeout: 15_000 }).toBe('被拒 1');
    const setAside = app.page.locator('[data-testid="sync-set-aside"]');
    await expect.poll(() => setAside.count(), { timeout: 15_000 }).toBe(1);
    expect(await setAside.textContent()).toContain('a-foreign01');
    // Why, in the desk's language: the fields it lacks by their names on screen, not zod's English.
    expect(await setAside.textContent()).toContain('缺少稿件类型');
    expect(await setAside.textContent()).not.toMatch(/Invalid|expected/);
    await app.page.screenshot({ path: '/tmp/newsdesk-sync-refused-desk.png' });

    await openStory(app.page, story.id);
    const banner = app.page.locator('[data-testid="sync-refused-banner"]');
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    expect(await banner.textContent()).toContain('超过中心库的单篇大小上限');
    await app.page.screenshot({ path: '/tmp/newsdesk-sync-refused-story.png' });

    // Asked in the app's own dialog (not the browser's confirm).
    await app.page.click('[data-testid="sync-discard"]');
    await app.page.click('[data-testid="sync-discard-confirm"] [data-testid="confirm-ok"]');
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => app.page.textContent('[data-testid="story-body"]'), { timeout: 15_000 })
      .toContain('短的正文。');
    await expect.poll(() => app.page.textContent('[data-testid="sync-indicator"]'), { timeout: 15_000 }).toBe('已同步');
    expect((await articles.get(story.id)).body).toEqual(paragraphs('短的正文。'));
  });
});
