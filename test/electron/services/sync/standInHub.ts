/**
 * The hub for sync tests, a fresh one per call, chosen by the environment:
 * - by default the CouchDB double (couchDouble/), kept to CouchDB 3's semantics;
 * - NEWSDESK_TEST_COUCHDB_URL (an admin URL): a fresh database on that real CouchDB;
 * - NEWSDESK_TEST_HUB=pouchdb-server, or `{ impl: 'pouchdb-server' }`: express-pouchdb (what
 *   pouchdb-server runs) over PouchDB's memory adapter, whose real _users, _security and
 *   validate_doc_update handling is used as is. It differs from CouchDB where docs/SYNC.md says.
 * Without `admin`, the database is public (empty members), as a CouchDB database can be, so the
 * replication tests need no accounts; `local` is a PouchDB handle on it for looking inside.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB, { type PouchDatabase } from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import expressPouchDB from 'express-pouchdb';
import { CouchDouble } from './couchDouble/couchDoubleServer';

PouchDB.plugin(memoryAdapter);
let hubs = 0;

export interface StandInHub {
  /** Server root, e.g. http://127.0.0.1:5984 */
  serverUrl: string;
  /** A server admin's credentials (null for pouchdb-server in "admin party"). */
  serverAdmin: { user: string; password: string } | null;
  /** The newsroom database URL. */
  dbUrl: string;
  /** A PouchDB handle on the same in-memory database, for looking inside. */
  local: PouchDatabase;
  /** Sets a server config value (as an admin would), e.g. couchdb/max_document_size. */
  config(section: string, key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

export interface StandInOptions {
  admin?: { user: string; password: string };
  /** Pins pouchdb-server, for what the double does not model (`max_document_size`) and the bench. */
  impl?: 'pouchdb-server';
}

export async function startStandInHub(dbName = 'newsroom', opts: StandInOptions = {}): Promise<StandInHub> {
  const real = process.env.NEWSDESK_TEST_COUCHDB_URL;
  if (opts.impl !== 'pouchdb-server' && real) return startOnCouch(real, dbName, opts);
  if (opts.impl === 'pouchdb-server' || process.env.NEWSDESK_TEST_HUB === 'pouchdb-server') {
    return startPouchServerHub(dbName, opts);
  }
  // The double takes a test's own server admin, as a fresh CouchDB would be set up with it.
  const admin = opts.admin ?? { user: 'admin', password: 'admin-pw' };
  const double = new CouchDouble(admin);
  const serverUrl = await double.start();
  return setUp(
    serverUrl,
    dbName,
    admin,
    opts,
    () => double.close(),
    () => {
      throw new Error('the CouchDB double does not model server config; pin { impl: "pouchdb-server" }');
    },
  );
}

let onCouch = 0;

async function startOnCouch(adminUrl: string, dbName: string, opts: StandInOptions): Promise<StandInHub> {
  const url = new URL(adminUrl);
  const admin = { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  url.username = '';
  url.password = '';
  const serverUrl = url.toString().replace(/\/+$/, '');
  const name = `${dbName}_${process.pid}_${++onCouch}`;
  const header = { authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}` };
  const config = async (section: string, key: string, value: string) => {
    const res = await fetch(`${serverUrl}/_node/_local/_config/${section}/${key}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...header },
      body: JSON.stringify(value),
    });
    if (!res.ok) throw new Error(`config ${section}/${key}: ${res.status} ${await res.text()}`);
  };
  // Accounts live in the server's _users, beside the database, and outlive it: the ones a test
  // makes (by name, e.g. rita) are removed when its hub closes, so the next test starts as a fresh
  // newsroom would. The suite runs one file at a time against a real server (vitest.config.ts).
  const usersSince = await usersUpdateSeq(serverUrl, header);
  // A test that brings a server admin of its own gets the real server's admin instead (a real
  // CouchDB's admins are set in its local.ini): such tests speak as `hub.serverAdmin`.
  return setUp(
    serverUrl,
    name,
    admin,
    { ...opts, admin: opts.admin ? admin : undefined },
    async () => {
      await fetch(`${serverUrl}/${name}`, { method: 'DELETE', headers: header });
      await removeUsersSince(serverUrl, header, usersSince);
    },
    config,
  );
}

async function usersUpdateSeq(serverUrl: string, header: Record<string, string>): Promise<string> {
  const res = await fetch(`${serverUrl}/_users/_changes?descending=true&limit=1`, { headers: header });
  if (!res.ok) throw new Error(`cannot read _users: ${res.status} ${await res.text()}`);
  return String(((await res.json()) as { last_seq: unknown }).last_seq);
}

async function removeUsersSince(serverUrl: string, header: Record<string, string>, since: string): Promise<void> {
  const res = await fetch(`${serverUrl}/_users/_changes?since=${encodeURIComponent(since)}`, { headers: header });
  if (!res.ok) return;
  const feed = (await res.json()) as { results: { id: string; deleted?: boolean; changes: { rev: string }[] }[] };
  for (const row of feed.results) {
    if (row.deleted || !row.id.startsWith('org.couchdb.user:')) continue;
    const rev = row.changes[0]!.rev;
    await fetch(`${serverUrl}/_users/${encodeURIComponent(row.id)}?rev=${rev}`, { method: 'DELETE', headers: header });
  }
}

/** Creates the database on a CouchDB (or the double): public unless the test brings an admin of its own. */
async function setUp(
  serverUrl: string,
  dbName: string,
  serverAdmin: { user: string; password: string },
  opts: StandInOptions,
  close: () => Promise<void>,
  config: StandInHub['config'],
): Promise<StandInHub> {
  const header = {
    authorization: `Basic ${Buffer.from(`${serverAdmin.user}:${serverAdmin.password}`).toString('base64')}`,
    'content-type': 'application/json',
  };
  const created = await fetch(`${serverUrl}/${dbName}`, { method: 'PUT', headers: header });
  if (!created.ok) throw new Error(`cannot create ${dbName}: ${await created.text()}`);
  if (!opts.admin) {
    const security = { admins: { names: [], roles: [] }, members: { names: [], roles: [] } };
    const res = await fetch(`${serverUrl}/${dbName}/_security`, {
      method: 'PUT',
      headers: header,
      body: JSON.stringify(security),
    });
    if (!res.ok) throw new Error(`cannot open ${dbName}: ${await res.text()}`);
  }
  const dbUrl = `${serverUrl}/${dbName}`;
  return {
    serverUrl,
    serverAdmin,
    dbUrl,
    local: new PouchDB(dbUrl, {
      skip_setup: true,
      auth: { username: serverAdmin.user, password: serverAdmin.password },
    }),
    config,
    close,
  };
}

async function startPouchServerHub(dbName: string, opts: StandInOptions): Promise<StandInHub> {
  const prefix = `hub${++hubs}-${process.pid}-`;
  const Mem = PouchDB.defaults({ adapter: 'memory', prefix });
  const logDir = await mkdtemp(join(tmpdir(), 'newsdesk-hub-'));
  const app = expressPouchDB(Mem, { inMemoryConfig: true, logPath: join(logDir, 'log.txt'), mode: 'fullCouchDB' });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const adminHeader = (): Record<string, string> =>
    opts.admin
      ? { authorization: `Basic ${Buffer.from(`${opts.admin.user}:${opts.admin.password}`).toString('base64')}` }
      : {};
  let adminSet = false;
  const config = async (section: string, key: string, value: string) => {
    const res = await fetch(`${serverUrl}/_config/${section}/${key}`, {
      method: 'PUT',
      // Until the first admin exists the server is in "admin party" and takes no credentials.
      headers: { 'content-type': 'application/json', ...(adminSet ? adminHeader() : {}) },
      body: JSON.stringify(value),
    });
    if (!res.ok) throw new Error(`config ${section}/${key}: ${res.status} ${await res.text()}`);
  };
  const created = await fetch(`${serverUrl}/${dbName}`, { method: 'PUT' });
  if (!created.ok) throw new Error(`cannot create ${dbName}: ${await created.text()}`);
  if (opts.admin) {
    await config('admins', opts.admin.user, opts.admin.password);
    adminSet = true;
  }
  const hub: StandInHub = {
    serverUrl,
    serverAdmin: opts.admin ?? null,
    dbUrl: `${serverUrl}/${dbName}`,
    local: new Mem(dbName),
    config,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return hub;
}
