/**
 * A newsroom hub for the trust tests: the sync suite's hub (the CouchDB double, or a real CouchDB
 * with NEWSDESK_TEST_COUCHDB_URL), set up by `hub init` and `hub add-user` as a newsroom would.
 * The tests speak to it over HTTP only, as admins and as members.
 */
import { initHub, addHubUser } from '../../../../../electron/services/sync/hubAdmin';
import { HubClient, type HubAuth } from '../../../../../electron/services/sync/hubClient';
import { startStandInHub } from '../standInHub';
import { compactDb } from './compactDb';

export interface TrustHub {
  serverUrl: string;
  dbUrl: string;
  admin: HubClient;
  addUser(name: string, role: string): Promise<HubAuth>;
  /** `POST /db/_compact`, waiting until it has run. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

export async function startTrustHub(): Promise<TrustHub> {
  if (process.env.NEWSDESK_TEST_HUB === 'pouchdb-server') {
    throw new Error('the trust tests need CouchDB semantics: the double or a real CouchDB, not pouchdb-server');
  }
  const hub = await startStandInHub('newsroom_trust');
  const admin = new HubClient(hub.dbUrl, hub.serverAdmin);
  await initHub(admin);
  const users: string[] = [];
  return {
    serverUrl: hub.serverUrl,
    dbUrl: hub.dbUrl,
    admin,
    addUser: async (name, role) => {
      const password = `${name}-pw`;
      await addHubUser(admin, name, role, password);
      users.push(name);
      return { user: name, password };
    },
    compact: () =>
      compactDb(
        hub.dbUrl,
        `Basic ${Buffer.from(`${hub.serverAdmin!.user}:${hub.serverAdmin!.password}`).toString('base64')}`,
      ),
    close: async () => {
      // Accounts live on the server, beside the database: a real CouchDB keeps them across runs.
      for (const name of users) {
        const url = `${hub.serverUrl}/_users/org.couchdb.user:${encodeURIComponent(name)}`;
        const doc = await admin.request<{ _rev: string } | null>('GET', url, undefined, { accept404: true });
        if (doc) await admin.request('DELETE', `${url}?rev=${doc._rev}`).catch(() => undefined);
      }
      await hub.close();
    },
  };
}
