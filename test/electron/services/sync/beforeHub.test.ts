/**
 * Stories a reporter wrote before her desk had a hub account reach the hub once she signs in (found
 * by the newsroom day): signed with her settings name, the hub refused them forever and the desk's
 * own check locked her out of them. Stories already on the hub are never re-signed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../shared/model/article';
import { openTempStore, type TempStore } from '../tempStore';
import { startTrustHub, type TrustHub } from './couchDouble/trustHub';
import { openTrustDesk, type TrustDesk } from './couchDouble/trustDesk';
import { startHubProxy, type HubProxy } from './hubProxy';
import { content } from './syncFixture';

let hub: TrustHub;
let store: TempStore | null = null;
let other: TrustDesk | null = null;
let relay: HubProxy | null = null;
afterEach(async () => {
  await relay?.close();
  relay = null;
  await store?.cleanup();
  await other?.store.cleanup();
  store = null;
  other = null;
  await hub?.close();
});

describe('a desk that had no hub yet', () => {
  it('signs what its person wrote under her settings name with her hub account, and the hub takes it', async () => {
    hub = await startTrustHub();
    const gao = await hub.addUser('gaoxy', 'reporter');
    // A colleague whose hub account happens to be the name this desk's person typed in settings.
    other = await openTrustDesk(hub, await hub.addUser('高晓燕', 'reporter'));
    const theirs = await other.call<Article>('articles.create', { kind: 'story', content: content('同名同事的稿') });
    expect((await other.replicator.runOnce()).refused).toEqual([]);

    store = await openTempStore({ userName: '高晓燕', role: 'reporter' });
    const call = async <T>(channel: string, payload: unknown) => {
      const r = await store!.dispatch(channel, payload);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const mine = await call<Article>('articles.create', { kind: 'story', content: content('没有中心库时写的稿') });
    expect(mine.createdBy).toBe('高晓燕');
    await call('articles.transition', { id: mine.id, baseRevision: 1, to: 'submitted' });

    // She is given an account and signs in: the colleague's story arrives with the first sync.
    const { settings, sync } = store.services;
    await sync.secret.write(gao.password, new URL(hub.dbUrl).origin);
    settings.update({ hubUrl: hub.dbUrl, hubUser: 'gaoxy' });
    await sync.runOnce(hub.dbUrl, gao);
    expect((await store.services.articles.get(theirs.id)).createdBy).toBe('高晓燕');
    await sync.refreshIdentity(settings, hub.dbUrl, gao);
    const result = await sync.runOnce(hub.dbUrl, gao);
    expect(result.refused).toEqual([]);
    expect(await hub.admin.db('GET', `/${mine.id}`)).toMatchObject({
      status: 'submitted',
      createdBy: 'gaoxy',
      updatedBy: 'gaoxy',
      headline: '没有中心库时写的稿',
    });
    // The colleague's story, already on the hub, keeps its author everywhere.
    expect((await store.services.articles.get(theirs.id)).createdBy).toBe('高晓燕');
    expect(await hub.admin.db('GET', `/${theirs.id}`)).toMatchObject({ createdBy: '高晓燕' });
    // And her desk judges her under the hub's rule as the hub would: once submitted, the copy is the copy
    // desk's (issue 22: a reporter edits only her own drafts), so her edit is refused on her desk too.
    const refused = await store.dispatch('articles.save', {
      id: mine.id,
      baseRevision: (await store.services.articles.get(mine.id)).revision,
      content: { ...content('没有中心库时写的稿（改）') },
    });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
  });

  it('does so when a hub that was out of reach at sign-in answers again', async () => {
    hub = await startTrustHub();
    const gao = await hub.addUser('gaoxy', 'reporter');
    relay = await startHubProxy(hub.dbUrl);
    await relay.down();
    store = await openTempStore({ userName: '高晓燕', role: 'reporter' });
    const mine = await store.services.articles.create('story', content('在家写的稿'), '高晓燕');
    // She enters her account at home: saved, the hub out of reach, nobody has named her yet.
    const r = await store.client.call('sync.configure', {
      hubUrl: relay.dbUrl,
      hubUser: 'gaoxy',
      password: gao.password,
    });
    expect(r.ok).toBe(true);
    expect(store.services.settings.get().hubIdentity ?? null).toBeNull();
    await relay.up();
    await expect
      .poll(
        () =>
          hub.admin.db<{ createdBy: string }>('GET', `/${mine.id}`).then(
            (d) => d.createdBy,
            () => null,
          ),
        {
          timeout: 20_000,
        },
      )
      .toBe('gaoxy');
    expect(store.services.settings.get().hubIdentity?.name).toBe('gaoxy');
    await expect.poll(async () => (await store!.services.sync.status()).state, { timeout: 15_000 }).toBe('synced');
  });
});
