import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from '../services/sync/standInHub';
import { startHubProxy, type HubProxy } from '../services/sync/hubProxy';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'newsdesk.js');
let dir: string;
let hub: StandInHub;
let proxy: HubProxy | null = null;
/** Each `newsdesk` run starts a Node process through tsx: seconds each on a loaded machine. */
const CLI_TIMEOUT = 240_000;

async function newsdesk(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, NEWSDESK_STORE: join(dir, 'store'), NEWSDESK_CONFIG_DIR: join(dir, 'config') },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function create(headline: string, text = '正文。'): Promise<string> {
  const content = { headline, body: [{ type: 'paragraph', children: [{ text }] }] };
  const out = await newsdesk('call', 'articles.create', JSON.stringify({ kind: 'story', content }));
  return (JSON.parse(out.stdout) as { id: string }).id;
}

afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await hub?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('newsdesk sync --once', () => {
  it(
    'names every refused story and exits non-zero on every run until it passes',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-once-'));
      // max_document_size is server config, which only pouchdb-server models here.
      hub = await startStandInHub('newsroom', { impl: 'pouchdb-server' });
      // The stand-in applies CouchDB's max_document_size to each request body.
      await hub.config('couchdb', 'max_document_size', '40000');
      const small = await create('短稿');
      const huge = await create('长稿', '很长的正文。'.repeat(4_000));
      const first = await newsdesk('sync', '--once', '--hub', hub.dbUrl);
      expect(first.code).toBe(1);
      expect(first.stdout).toContain('推送 1 篇');
      expect(first.stdout).toContain(huge);
      expect(first.stdout).toContain('稿件超过中心库的单篇大小上限');
      expect((await hub.local.get(small)).headline).toBe('短稿');
      for (let i = 0; i < 2; i++) {
        const again = await newsdesk('sync', '--once', '--hub', hub.dbUrl);
        expect(again.code).toBe(1);
        expect(again.stdout).toContain('推送 0 篇，拉取 0 篇');
        expect(again.stdout).toContain(`被拒 ${huge}`);
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'with the hub in settings runs one sync: counts are what moved, nothing waits on a longpoll',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-once-'));
      hub = await startStandInHub();
      proxy = await startHubProxy(hub.dbUrl);
      const ids: string[] = [];
      // Written before the hub is configured (every other command syncs as the app does once it is).
      for (let i = 0; i < 3; i++) ids.push(await create(`第${i}篇`));
      expect((await newsdesk('call', 'settings.update', JSON.stringify({ hubUrl: proxy.dbUrl }))).code).toBe(0);
      proxy.requests.length = 0;
      const synced = await newsdesk('sync', '--once');
      expect(synced.stderr).toBe('');
      expect(synced.code).toBe(0);
      expect(synced.stdout.trim()).toBe('推送 3 篇，拉取 0 篇');
      // One sync: one `_bulk_docs`, no continuous sync's longpoll beside it, one write per checkpoint.
      expect(proxy.requests.filter((r) => r.startsWith('POST') && r.includes('/_bulk_docs'))).toHaveLength(1);
      expect(proxy.requests.filter((r) => r.includes('feed=longpoll'))).toEqual([]);
      expect(proxy.requests.filter((r) => r.startsWith('PUT') && r.includes('/_local/'))).toHaveLength(2);
      for (const id of ids) expect((await hub.local.get(id)).headline).toMatch(/^第\d篇$/);

      // Another desk's story arrives on the hub: the next run pulls exactly it.
      const { _rev: _ignored, ...body } = await hub.local.get(ids[1]!);
      await hub.local.put({ ...body, _id: 'a-otherdesk1', id: 'a-otherdesk1' });
      const pulled = await newsdesk('sync', '--once');
      expect(pulled.stdout.trim()).toBe('推送 0 篇，拉取 1 篇');
    },
    CLI_TIMEOUT,
  );

  it(
    '`call sync.status` reports the running sync with the hub in settings, not "off"',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-once-'));
      hub = await startStandInHub();
      await newsdesk('call', 'settings.update', JSON.stringify({ hubUrl: hub.dbUrl }));
      await create('待推送');
      const status = await newsdesk('call', 'sync.status', '{}');
      expect(status.code).toBe(0);
      const parsed = JSON.parse(status.stdout) as { state: string; pending: number };
      expect(parsed.state).not.toBe('off');
      expect(['syncing', 'synced']).toContain(parsed.state);
    },
    CLI_TIMEOUT,
  );
});
