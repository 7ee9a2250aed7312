/**
 * The pull figures against a real CouchDB instead of the stand-in (`NEWSDESK_BENCH_COUCHDB_URL`, an
 * admin URL, e.g. a CouchDB 3.5 built as docs/SYNC.md says): 10,000 stories into an empty desk
 * (`sync.pull_ms@10000`) and PouchDB 9's replicator into its leveldb adapter from the same database
 * in the same run (`sync.pouchdb_leveldb_pull_ms@10000`). Prints the figures; records nothing
 * (bench/results.json holds the stand-in's): `node --import tsx bench/syncPullOnCouch.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import { localServices } from '../electron/runtime/openRuntime';
import { fill, openDesk, type BenchHub } from './syncBench';

const N = 10_000;
const adminUrl = process.env.NEWSDESK_BENCH_COUCHDB_URL;
if (!adminUrl) throw new Error('set NEWSDESK_BENCH_COUCHDB_URL to a CouchDB admin URL');

const url = new URL(adminUrl);
const authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
url.username = '';
url.password = '';
const serverUrl = url.toString().replace(/\/+$/, '');
const dbUrl = `${serverUrl}/bench_newsroom_${process.pid}`;

async function admin(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${dbUrl}${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

// A public database (no members), as the stand-in's is: the desks and PouchDB pull without credentials.
await admin('PUT', '');
await admin('PUT', '/_security', { admins: { names: [], roles: [] }, members: { names: [], roles: [] } });
const hub: BenchHub = { serverUrl, dbUrl, close: () => admin('DELETE', '') };
const root = await mkdtemp(join(tmpdir(), 'newsdesk-sync-couch-'));
try {
  await fill(hub);
  const desk = await openDesk(join(root, 'pull'));
  const t = performance.now();
  const pulled = await localServices(desk).sync.replicatorFor(dbUrl, null).pull();
  const pullMs = performance.now() - t;
  if (pulled.written !== N || localServices(desk).articles.count !== N) {
    throw new Error(`pulled ${pulled.written} of ${N}`);
  }
  await desk.close();

  const onDisk = new PouchDB(join(root, 'reference-leveldb'), { adapter: 'leveldb' });
  const tl = performance.now();
  const rep = await onDisk.replicate.from(new PouchDB(dbUrl), { batch_size: 500 });
  const leveldbMs = performance.now() - tl;
  if (rep.docs_written !== N) throw new Error(`PouchDB (leveldb) wrote ${rep.docs_written} of ${N}`);
  await onDisk.destroy();

  const figures = {
    'sync.pull_ms@10000': pullMs,
    'sync.pouchdb_leveldb_pull_ms@10000': leveldbMs,
    'sync.pull_vs_pouchdb_leveldb_ratio': pullMs / leveldbMs,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await hub.close();
  await rm(root, { recursive: true, force: true });
}
