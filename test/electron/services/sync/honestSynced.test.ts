/** 已同步 only when the hub holds every edit: a desk whose hub came back says so only after its push. */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/ipc/events';
import { openTempStore, type TempStore } from '../tempStore';
import { startHubProxy, type HubProxy } from './hubProxy';
import { startStandInHub, type StandInHub } from './standInHub';
import { content } from './syncFixture';

let hub: StandInHub;
let proxy: HubProxy;
let store: TempStore | null = null;
afterEach(async () => {
  await store?.cleanup();
  store = null;
  await proxy?.close();
  await hub?.close();
});

describe('the top bar while edits wait for the hub', () => {
  it('never says 已同步 while an edit made offline is not on the hub', async () => {
    hub = await startStandInHub();
    proxy = await startHubProxy(hub.dbUrl);
    await proxy.down();
    store = await openTempStore({ userName: '甲' });
    const lies: string[] = [];
    let story: { id: string } | null = null;
    // Each status the desk reports is checked against the hub at that moment.
    store.services.sync.onStatus((s: SyncStatus) => {
      if (s.state !== 'synced' || !story) return;
      const id = story.id;
      void hub.local.get(id).then(
        () => undefined,
        () => lies.push(`已同步 with ${s.pending} pending while the hub lacks ${id}`),
      );
    });
    await store.services.sync.start(proxy.dbUrl, null);
    story = await store.services.articles.create('story', content('离线写的稿'), '甲');
    await expect.poll(async () => (await store!.services.sync.status()).state, { timeout: 10_000 }).toBe('offline');
    await proxy.up();
    await expect
      .poll(
        () =>
          hub.local.get(story!.id).then(
            () => true,
            () => false,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect.poll(async () => (await store!.services.sync.status()).state, { timeout: 10_000 }).toBe('synced');
    expect(lies).toEqual([]);
  }, 60_000);
});
