/** A desk signed in to a trust hub: a temp store whose name and role come from the hub's `_session`. */
import type { HubAuth } from '../../../../../electron/services/sync/hubClient';
import type { Replicator } from '../../../../../electron/services/sync/replicator';
import type { Article } from '../../../../../shared/model/article';
import type { UserRole } from '../../../../../shared/model/status';
import { openTempStore, type TempStore } from '../../tempStore';
import type { TrustHub } from './trustHub';

export interface TrustDesk {
  store: TempStore;
  auth: HubAuth;
  replicator: Replicator;
  /** Calls a channel as the renderer would; throws the refusal's message. */
  call<T>(channel: string, payload: unknown): Promise<T>;
  get(id: string): Promise<Article>;
}

/** `localRole` is what the person picked in settings; with a hub it must not matter. */
export async function openTrustDesk(
  hub: TrustHub,
  auth: HubAuth,
  localRole: UserRole = 'reporter',
): Promise<TrustDesk> {
  const store = await openTempStore({ userName: `本机-${auth.user}`, role: localRole });
  const { settings, sync } = store.services;
  await sync.secret.write(auth.password, new URL(hub.dbUrl).origin);
  settings.update({ hubUrl: hub.dbUrl, hubUser: auth.user });
  await sync.refreshIdentity(settings, hub.dbUrl, auth);
  const replicator = sync.replicatorFor(hub.dbUrl, auth);
  return {
    store,
    auth,
    replicator,
    call: async <T>(channel: string, payload: unknown) => {
      const r = await store.dispatch(channel, payload);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    },
    get: (id) => store.services.articles.get(id),
  };
}
