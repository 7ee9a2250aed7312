/**
 * A newsroom hub for the trust tests: the CouchDB double by default; a fresh database on a real
 * CouchDB when NEWSDESK_TEST_COUCHDB_URL (an admin URL, e.g. http://admin:pw@127.0.0.1:5984) is set.
 * Either way `hub init` and `hub add-user` set it up, and the tests speak to it over HTTP only.
 */
import { initHub, addHubUser } from '../../../../../electron/services/sync/hubAdmin';
import { HubClient, parseHubUrl, type HubAuth } from '../../../../../electron/services/sync/hubClient';
import { CouchDouble } from './couchDoubleServer';

export interface TrustHub {
  serverUrl: string;
  dbUrl: string;
  admin: HubClient;
  /** Whether this is the double (tests may then look inside it) or a real CouchDB. */
  double: CouchDouble | null;
  addUser(name: string, role: string): Promise<HubAuth>;
  /** `POST /db/_compact`, waiting until it has run. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

let made = 0;

export async function startTrustHub(): Promise<TrustHub> {
  const real = process.env.NEWSDESK_TEST_COUCHDB_URL;
  let double: CouchDouble | null = null;
  let serverUrl: string;
  let adminAuth: HubAuth;
  if (real) {
    const url = new URL(real);
    adminAuth = { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    url.username = '';
    url.password = '';
    serverUrl = url.toString().replace(/\/+$/, '');
  } else {
    adminAuth = { user: 'admin', password: 'admin-pw' };
    double = new CouchDouble(adminAuth);
    serverUrl = await double.start();
  }
  const dbName = `newsroom_trust_${process.pid}_${++made}`;
  const { dbUrl } = parseHubUrl(`${serverUrl}/${dbName}`);
  const admin = new HubClient(dbUrl, adminAuth);
  await initHub(admin);
  const users: string[] = [];
  return {
    serverUrl,
    dbUrl,
    admin,
    double,
    addUser: async (name, role) => {
      // Real servers are shared between runs: names are made unique per database.
      const password = `${name}-pw`;
      await addHubUser(admin, name, role, password);
      users.push(name);
      return { user: name, password };
    },
    compact: async () => {
      await admin.db('POST', '/_compact', {});
      for (let i = 0; i < 200; i++) {
        const info = await admin.db<{ compact_running?: boolean }>('GET', '');
        if (!info.compact_running) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      if (double) return double.close();
      await admin.db('DELETE', '').catch(() => undefined);
      for (const name of users) {
        const url = `${serverUrl}/_users/org.couchdb.user:${encodeURIComponent(name)}`;
        const doc = await admin.request<{ _rev: string } | null>('GET', url, undefined, { accept404: true });
        if (doc) await admin.request('DELETE', `${url}?rev=${doc._rev}`).catch(() => undefined);
      }
    },
  };
}
