/**
 * Sync figures against the stand-in hub on loopback: the initial pull of 10,000 stories
 * into an empty store (every file written as durably as a save), PouchDB 9's own replicator pulling
 * the same documents into its memory adapter as the reference, the HTTP share of our pull, and a
 * save on desk A visible in desk B's list with both syncing continuously.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { localServices, openRuntime, type Runtime } from '../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../electron/services/settingsService';
import { HubClient } from '../electron/services/sync/hubClient';
import { emptyContent } from '../shared/model/article';
import { paragraph } from '../shared/model/document';
import { median } from './stats';
import { pushBytesOfTextEdit } from './syncPhotoBytes';

const N = 10_000;

/** The same ~1,500-character story shape as the store bench, as a hub document. */
function hubDoc(i: number) {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    ...emptyContent(),
    _id: `a-sync${i.toString(36).padStart(6, '0')}`,
    id: `a-sync${i.toString(36).padStart(6, '0')}`,
    headline: `同步基准稿件 ${i}`,
    kicker: '引题',
    body: Array.from({ length: 12 }, (_, p) =>
      paragraph(`第${i}篇第${p}段：株洲市工业互联网试点示范企业持续推进数字化转型，提升供应链协同效率。`.repeat(3)),
    ),
    bylines: [{ role: '全媒体记者', name: '高晓燕' }],
    status: 'draft',
    spikedFrom: null,
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    updatedBy: 'bench',
    placement: null,
  };
}

export async function openDesk(dir: string, hubUrl = ''): Promise<Runtime> {
  const settings = new SettingsService(memorySettingsBackend({ userName: 'bench', hubUrl }));
  return openRuntime({ dataDir: dir, settings, version: 'bench' });
}

export interface BenchHub {
  serverUrl: string;
  dbUrl: string;
  close: () => Promise<void>;
}

/** The hub in its own process (bench/hubProcess.ts), as a newsroom's CouchDB is on its own machine. */
export async function startHubProcess(): Promise<BenchHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'hubProcess.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const serverUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the hub process exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    serverUrl,
    dbUrl: `${serverUrl}/newsroom`,
    close: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

export async function fill(hub: BenchHub): Promise<void> {
  for (let i = 0; i < N; i += 500) {
    const docs = Array.from({ length: Math.min(500, N - i) }, (_, k) => hubDoc(i + k));
    const res = await fetch(`${hub.dbUrl}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    if (!res.ok) throw new Error(`filling the hub: ${res.status} ${await res.text()}`);
  }
}

/** Only the HTTP side of our pull (changes + bulk_get, nothing written), to say where the time goes. */
async function fetchOnly(dbUrl: string): Promise<number> {
  const hub = new HubClient(dbUrl, null);
  const t = performance.now();
  let since: unknown = 0;
  for (;;) {
    const feed = await hub.changes(since, { limit: 500 });
    if (feed.results.length === 0) break;
    const wanted = feed.results.flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })));
    for (let i = 0; i < wanted.length; i += 250) await hub.bulkGet(wanted.slice(i, i + 250));
    since = feed.last_seq;
  }
  return performance.now() - t;
}

async function roundtrip(hub: BenchHub, root: string): Promise<number> {
  // A database of its own, so the two desks do not first pull the 10,000 stories.
  const dbUrl = `${hub.serverUrl}/roundtrip`;
  await fetch(dbUrl, { method: 'PUT' });
  const a = await openDesk(join(root, 'rt-a'), dbUrl);
  const b = await openDesk(join(root, 'rt-b'), dbUrl);
  try {
    const times: number[] = [];
    const story = await localServices(a).articles.create('story', { headline: '往返' }, 'bench');
    for (let i = 0; i < 9; i++) {
      const current = await localServices(a).articles.get(story.id);
      const t = performance.now();
      const saved = await localServices(a).articles.save(
        story.id,
        current.revision,
        { ...current, headline: `往返 ${i}` },
        'bench',
      );
      // Visible in B's list: its index summary carries the new headline.
      while (localServices(b).articles.summary(saved.id)?.headline !== saved.headline) {
        if (performance.now() - t > 30_000) throw new Error('round trip did not arrive in 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      times.push(performance.now() - t);
    }
    return median(times);
  } finally {
    await a.close();
    await b.close();
  }
}

export async function runSyncBench(): Promise<Record<string, number>> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-sync-bench-'));
  const hub = await startHubProcess();
  try {
    // First, while the hub is small: a busy hub is measured by the pull figures below.
    const rtMs = await roundtrip(hub, root);
    process.stderr.write(`sync round trip ${Math.round(rtMs)} ms\n`);
    const photoPushBytes = await pushBytesOfTextEdit(hub.serverUrl, root);
    process.stderr.write(`sync push of a desk-note edit with 3 MB of photos: ${photoPushBytes} bytes\n`);
    await fill(hub);
    const fetchMs = await fetchOnly(hub.dbUrl);

    const desk = await openDesk(join(root, 'pull'));
    const t = performance.now();
    const pulled = await localServices(desk).sync.replicatorFor(hub.dbUrl, null).pull();
    const pullMs = performance.now() - t;
    if (pulled.written !== N || localServices(desk).articles.count !== N)
      throw new Error(`pulled ${pulled.written} of ${N}`);
    await desk.close();
    process.stderr.write(`sync pull ${Math.round(pullMs)} ms (HTTP alone ${Math.round(fetchMs)} ms)\n`);

    PouchDB.plugin(memoryAdapter);
    const reference = new (PouchDB.defaults({ adapter: 'memory', prefix: `ref-${process.pid}-` }))('reference');
    const tp = performance.now();
    // The remote handle comes from the plain constructor: a prefix would make the URL a local name.
    const rep = await reference.replicate.from(new PouchDB(hub.dbUrl), { batch_size: 500 });
    const pouchMs = performance.now() - tp;
    if (rep.docs_written !== N) throw new Error(`PouchDB wrote ${rep.docs_written} of ${N}`);

    // The reference a desk's durability is fairly compared with: PouchDB's replicator into its
    // leveldb adapter (a store on disk), from the same hub in the same run.
    const onDisk = new PouchDB(join(root, 'reference-leveldb'), { adapter: 'leveldb' });
    const tl = performance.now();
    const repDisk = await onDisk.replicate.from(new PouchDB(hub.dbUrl), { batch_size: 500 });
    const leveldbMs = performance.now() - tl;
    if (repDisk.docs_written !== N) throw new Error(`PouchDB (leveldb) wrote ${repDisk.docs_written} of ${N}`);
    await onDisk.destroy();
    process.stderr.write(
      `PouchDB pull into memory ${Math.round(pouchMs)} ms, into leveldb ${Math.round(leveldbMs)} ms\n`,
    );

    return {
      'sync.pull_ms@10000': pullMs,
      'sync.pouchdb_pull_ms@10000': pouchMs,
      'sync.pull_vs_pouchdb_ratio': pullMs / pouchMs,
      'sync.pouchdb_leveldb_pull_ms@10000': leveldbMs,
      'sync.pull_vs_pouchdb_leveldb_ratio': pullMs / leveldbMs,
      'sync.pull_http_ms@10000': fetchMs,
      'sync.roundtrip_ms': rtMs,
      'sync.push_bytes@textEdit3MBphotos': photoPushBytes,
    };
  } finally {
    await hub.close();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('syncBench.ts')) {
  process.stdout.write(`${JSON.stringify(await runSyncBench(), null, 2)}\n`);
}
