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

function waitFor(statuses: SyncStatus[], state: SyncStatus['state'], from: number, timeoutMs: number) {
  return new Promise<number>((resolve, reject) => {
    const started = Date.now();
    const t = setInterval(() => {
      if (statuses.slice(from).some((s) => s.state === state)) {
        clearInterval(t);
        resolve(Date.now() - started);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(t);
        reject(new Error(`no ${state} within ${timeoutMs} ms; saw ${statuses.map((s) => s.state).join(',')}`));
      }
    }, 50);
  });
}

describe('the top bar after the hub went away', () => {
  it('says 已同步 again within 5 s of the hub returning, not after a whole longpoll', async () => {
    hub = await startStandInHub();
    proxy = await startHubProxy(hub.dbUrl);
    store = await openTempStore({ userName: '甲' });
    await store.services.articles.create('story', content('离线前'), '甲');
    const statuses: SyncStatus[] = [];
    store.services.sync.onStatus((s) => statuses.push(s));
    // The app's default longpoll (25 s): the bug was waiting one out before saying so.
    await store.services.sync.start(proxy.dbUrl, null);
    await waitFor(statuses, 'synced', 0, 10_000);
    await proxy.down();
    await waitFor(statuses, 'offline', statuses.length, 10_000);
    // Long enough for a growing back-off to have grown.
    await new Promise((r) => setTimeout(r, 8_000));
    const mark = statuses.length;
    await proxy.up();
    const tookMs = await waitFor(statuses, 'synced', mark, 30_000);
    expect(tookMs).toBeLessThan(5_000);
    expect((await store.services.sync.status()).state).toBe('synced');
  }, 60_000);
});
