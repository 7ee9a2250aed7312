/**
 * The stand-in hub for sync tests: express-pouchdb (what pouchdb-server runs) over PouchDB's
 * in-memory adapter on 127.0.0.1, a fresh server per call. Its real _users, _security and
 * validate_doc_update handling is used as is; nothing here fakes an answer.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB, { type PouchDatabase } from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import expressPouchDB from 'express-pouchdb';

PouchDB.plugin(memoryAdapter);
let hubs = 0;

export interface StandInHub {
  /** Server root, e.g. http://127.0.0.1:5984 */
  serverUrl: string;
  /** The newsroom database URL. */
  dbUrl: string;
  /** A PouchDB handle on the same in-memory database, for looking inside. */
  local: PouchDatabase;
  /** Sets a server config value (as an admin would), e.g. couchdb/max_document_size. */
  config(section: string, key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

export async function startStandInHub(dbName = 'newsroom', opts: { admin?: { user: string; password: string } } = {}) {
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
