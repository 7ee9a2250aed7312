/** A story deleted on the hub while open on a desk: the next save asks before bringing it back. */
import { afterAll, describe, expect, it } from 'vitest';
import type { E2eApp } from './harness';
import { closeHubDesk, deleteOnHub, onHub as hubDoc, startRitaOnHub, type HubDesk } from './helpers/hubDesk';
import { focusBodyEnd, insertText, openStory, waitForSaved } from './helpers/story';

describe('saving a story deleted on the hub', () => {
  let desk: HubDesk | undefined;
  let app: E2eApp;
  afterAll(() => closeHubDesk(desk));

  it('asks first, and restores it only when the person says so', async () => {
    desk = await startRitaOnHub();
    app = desk.app;
    const { hub } = desk;
    const story = await app.services.articles.create(
      'story',
      { headline: '会被删除的稿', source: '本报讯', body: [{ type: 'paragraph', children: [{ text: '正文。' }] }] },
      'rita',
    );
    const onHub = () => hubDoc(hub, story.id);
    await expect.poll(onHub, { timeout: 15_000 }).not.toBeNull();
    await app.reopen();
    await openStory(app.page, story.id);

    // The chief editor deletes it on the hub; the desk's pull brings the tombstone.
    await deleteOnHub(desk, story.id);

    // Typing saves; the save is refused and the person is asked in the app's dialog, naming who deleted it.
    const native: string[] = [];
    app.page.on('dialog', (d) => {
      native.push(d.message());
      void d.dismiss();
    });
    await focusBodyEnd(app.page);
    await insertText(app, '还要用。');
    const ask = app.page.locator('[data-testid="deleted-confirm"]');
    await ask.waitFor({ timeout: 15_000 });
    expect(await ask.textContent()).toContain('wang');
    await ask.locator('[data-testid="confirm-ok"]').click();
    await waitForSaved(app.page, 15_000);
    expect(native).toEqual([]);
    expect(app.services.articles.summary(story.id)?.headline).toBe('会被删除的稿');
    await expect
      .poll(() => onHub().then((d) => (d as { body?: unknown } | null)?.body), { timeout: 15_000 })
      .toBeTruthy();
  });
});
