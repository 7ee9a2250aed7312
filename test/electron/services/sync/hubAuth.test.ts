import { afterEach, describe, expect, it } from 'vitest';
import { addHubUser, initHub } from '../../../../electron/services/sync/hubAdmin';
import { HubClient, HubError } from '../../../../electron/services/sync/hubClient';
import { startStandInHub, type StandInHub } from './standInHub';
import { content } from './syncFixture';
import { openTempStore, type TempStore } from '../tempStore';

const ADMIN = { user: 'admin', password: 'admin-pw' };
let hub: StandInHub;
let store: TempStore | null = null;
afterEach(async () => {
  await store?.cleanup();
  store = null;
  await hub?.close();
});

async function hubWithUsers() {
  hub = await startStandInHub('newsroom', { admin: ADMIN });
  const admin = new HubClient(hub.dbUrl, hub.serverAdmin);
  await initHub(admin);
  await addHubUser(admin, 'rita', 'reporter', 'rita-pw');
  await addHubUser(admin, 'lin', 'layout', 'lin-pw');
  // Someone with an account on the server but no role in this newsroom.
  await admin.request('PUT', `${hub.serverUrl}/_users/org.couchdb.user:olga`, {
    _id: 'org.couchdb.user:olga',
    name: 'olga',
    password: 'olga-pw',
    roles: [],
    type: 'user',
  });
}

describe('who may do what, enforced by the hub', () => {
  it('refuses a reporter moving a story on the page: the local edit stays and the reason is shown', async () => {
    await hubWithUsers();
    store = await openTempStore({ userName: 'rita', role: 'reporter' });
    const articles = store.services.articles;
    const replicator = store.services.sync.replicatorFor(hub.dbUrl, { user: 'rita', password: 'rita-pw' });
    const story = await articles.create('story', content('记者稿'), 'rita');
    expect((await replicator.runOnce()).refused).toEqual([]);
    // A headline change is the reporter's own field: accepted.
    await articles.save(story.id, 1, content('记者改标题'), 'rita');
    expect((await replicator.runOnce()).refused).toEqual([]);
    // A placement change is a layout field: this desk skipped the app's check, the hub does not.
    const placement = { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 };
    await articles.update(story.id, 2, 'rita', (a) => ({ ...a, placement }));
    const pushed = await replicator.runOnce();
    expect(pushed.refused).toHaveLength(1);
    expect(pushed.refused[0]!.error).toBe('forbidden');
    expect(pushed.refused[0]!.reason).toContain('placement');
    expect((await articles.get(story.id)).placement).toEqual(placement);
    const status = await replicator.status();
    expect(status.state).toBe('refused');
    expect(status.message).toContain('placement');
    const onHub = await new HubClient(hub.dbUrl, hub.serverAdmin).db<{ placement: unknown; headline: string }>(
      'GET',
      `/${story.id}`,
    );
    expect(onHub.placement).toBeNull();
    // The accepted edit is stored under validation (pouchdb-server dropped it; CouchDB and the double keep it).
    if (process.env.NEWSDESK_TEST_HUB !== 'pouchdb-server') expect(onHub.headline).toBe('记者改标题');
  });

  it('refuses a pull without credentials (401) and by a user who is not a member', async () => {
    await hubWithUsers();
    store = await openTempStore();
    const anonymous = await store.services.sync
      .replicatorFor(hub.dbUrl, null)
      .pull()
      .catch((e: unknown) => e);
    expect(anonymous).toBeInstanceOf(HubError);
    expect((anonymous as HubError).status).toBe(401);
    const outsider = await store.services.sync
      .replicatorFor(hub.dbUrl, { user: 'olga', password: 'olga-pw' })
      .pull()
      .catch((e: unknown) => e);
    expect(outsider).toBeInstanceOf(HubError);
    // CouchDB 3 (and the double) answer an authenticated non-member with 403; pouchdb-server with 401.
    expect((outsider as HubError).status).toBe(process.env.NEWSDESK_TEST_HUB === 'pouchdb-server' ? 401 : 403);
    // A member with the right password gets in.
    expect((await store.services.sync.replicatorFor(hub.dbUrl, { user: 'lin', password: 'lin-pw' }).pull()).rows).toBe(
      1,
    );
  });

  it('refuses a hub set-up or design change by a member', async () => {
    await hubWithUsers();
    const rita = new HubClient(hub.dbUrl, { user: 'rita', password: 'rita-pw' });
    const err = await initHub(rita).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubError);
    expect([401, 403]).toContain((err as HubError).status);
  });
});
