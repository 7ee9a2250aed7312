/** A story deleted on the hub while open on a desk: the next save asks before bringing it back. */
import { afterAll, describe, expect, it } from 'vitest';
import { HubClient } from '../../electron/services/sync/hubClient';
import { revHash } from '../../electron/services/revisionTree/revTree';
import { startTrustHub, type TrustHub } from '../electron/services/sync/couchDouble/trustHub';
import { startE2eApp, type E2eApp } from './harness';
import { focusBodyEnd, insertText, openStory, waitForSaved } from './helpers/story';

describe('saving a story deleted on the hub', () => {
  let hub: TrustHub;
  let app: E2eApp;
  afterAll(async () => {
    await app?.close();
    await hub?.close();
    delete process.env.NEWSDESK_HUB_PASSWORD;
  });

  it('asks first, and restores it only when the person says so', async () => {
    hub = await startTrustHub();
    const rita = await hub.addUser('rita', 'reporter');
    const wang = await hub.addUser('wang', 'chief_editor');
    process.env.NEWSDESK_HUB_PASSWORD = rita.password;
    app = await startE2eApp({ userName: 'rita', hubUrl: hub.dbUrl, hubUser: 'rita' });
    await expect.poll(() => app.services.settings.get().hubIdentity?.name, { timeout: 15_000 }).toBe('rita');
    const story = await app.services.articles.create(
      'story',
      { headline: '会被删除的稿', source: '本报讯', body: [{ type: 'paragraph', children: [{ text: '正文。' }] }] },
      'rita',
    );
    const onHub = () => hub.admin.db<{ _rev: string }>('GET', `/${story.id}`).catch(() => null);
    await expect.poll(onHub, { timeout: 15_000 }).not.toBeNull();
    await app.reopen();
    await openStory(app.page, story.id);

    // The chief editor deletes it on the hub; the desk's pull brings the tombstone.
    const leaf = (await onHub())!._rev;
    const hash = revHash(leaf, 'wang', true);
    const pos = Number(leaf.split('-')[0]) + 1;
    expect(
      await new HubClient(hub.dbUrl, wang).bulkDocs([
        {
          _id: story.id,
          _rev: `${pos}-${hash}`,
          _revisions: { start: pos, ids: [hash, leaf.split('-')[1]!] },
          _deleted: true,
          updatedBy: 'wang',
          updatedAt: new Date().toISOString(),
        },
      ]),
    ).toEqual([]);
    await expect.poll(() => app.services.articles.summary(story.id), { timeout: 15_000 }).toBeNull();

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
