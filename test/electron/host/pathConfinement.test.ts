// Calls that arrive from a page over the loopback host never name a path: an export lands in the
// store's exports/ under a plain name, whatever the page sends; the owner token (the user's own CLI
// forwarding `export --out`) keeps its path.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { openTempStore, type TempStore } from '../services/tempStore';

const DATE = '2026-03-18';
let store: TempStore;
let host: RunningHost;
let outside: string;

afterEach(async () => {
  await host?.close();
  await store?.cleanup();
  await rm(outside, { recursive: true, force: true });
});

async function start(): Promise<RunningHost> {
  store = await openTempStore();
  outside = await mkdtemp(join(tmpdir(), 'newsdesk-outside-'));
  const made = await store.dispatch('pageplan.createIssue', { date: DATE });
  expect(made.ok).toBe(true);
  host = await startHost({ dispatch: store.dispatch, dataDir: store.dir, rendererDir: null });
  return host;
}

async function call(token: string, channel: string, payload: unknown) {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: { path?: string }; error?: { code: string } },
  };
}

const exportOf = (out?: string) => ({
  date: DATE,
  force: true,
  formats: ['json'],
  ...(out === undefined ? {} : { out }),
});

describe('a page exports only into the store', () => {
  it('refuses an absolute path, `..` and separators, and leaves the file there alone', async () => {
    const h = await start();
    const victim = join(outside, 'victim.zip');
    await writeFile(victim, 'precious');
    for (const out of [victim, '../victim.zip', `../../${victim}`, 'sub/x.zip', '..', '.hidden.zip', 'a\\b.zip']) {
      const r = await call(h.pageToken, 'export.issue', exportOf(out));
      expect(r.status, out).toBe(403);
      expect(r.body.error?.code, out).toBe('forbidden');
    }
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });

  it('writes a plain name, or the default name, under exports/', async () => {
    const h = await start();
    const named = await call(h.pageToken, 'export.issue', exportOf('早版.zip'));
    expect(named.body).toMatchObject({ ok: true, value: { path: join(store.dir, 'exports', '早版.zip') } });
    const plain = await call(h.pageToken, 'export.issue', exportOf());
    expect(plain.body).toMatchObject({ ok: true, value: { path: join(store.dir, 'exports', `${DATE}.zip`) } });
  });

  it('refuses when exports/ or the target is a symlink out of the folder', async () => {
    const h = await start();
    const victim = join(outside, `${DATE}.zip`);
    await writeFile(victim, 'precious');
    await mkdir(join(store.dir, 'exports'), { recursive: true });
    await symlink(victim, join(store.dir, 'exports', 'link.zip'));
    const viaFile = await call(h.pageToken, 'export.issue', exportOf('link.zip'));
    expect(viaFile.body.error?.code).toBe('forbidden');
    await rm(join(store.dir, 'exports'), { recursive: true });
    await symlink(outside, join(store.dir, 'exports'));
    const viaFolder = await call(h.pageToken, 'export.issue', exportOf());
    expect(viaFolder.body.error?.code).toBe('forbidden');
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });

  it('over the WebSocket too', async () => {
    const h = await start();
    const victim = join(outside, 'victim.zip');
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/ws`, ['newsdesk', `newsdesk-token.${h.pageToken}`]);
    await new Promise((r) => ws.on('open', r));
    const reply = new Promise<string>((r) => ws.once('message', (d) => r(d.toString())));
    ws.send(JSON.stringify({ id: 1, channel: 'export.issue', payload: exportOf(victim) }));
    expect(JSON.parse(await reply)).toMatchObject({ id: 1, result: { ok: false, error: { code: 'forbidden' } } });
    ws.close();
    expect(existsSync(victim)).toBe(false);
  });

  it('a page cannot move the data folder', async () => {
    const h = await start();
    const r = await call(h.pageToken, 'settings.update', { dataDir: outside });
    expect(r.body.error?.code).toBe('forbidden');
    expect(await store.client.call('settings.get', {})).toMatchObject({ ok: true, value: { dataDir: '' } });
  });

  it('an import carries its bytes: a path in its name reads nothing', async () => {
    const h = await start();
    const r = await call(h.pageToken, 'assets.import', { fileName: '/etc/hostname', dataBase64: 'aGVsbG8=' });
    expect(r.body.error?.code).toBe('validation');
  });

  it("the owner token (the user's CLI forwarding `export --out`) keeps its path", async () => {
    const h = await start();
    const target = join(outside, 'chosen-at-the-terminal.zip');
    const r = await call(h.token, 'export.issue', exportOf(target));
    expect(r.body).toMatchObject({ ok: true, value: { path: target } });
  });
});

describe('the desktop window exports where the user picks in the save dialog', () => {
  it('takes the target from the dialog, never from the renderer, and suggests exports/', async () => {
    await start();
    const { desktopDispatch } = await import('../../../electron/ipc/rendererCallPolicy');
    const suggested: string[] = [];
    const picked = join(outside, 'picked-in-dialog.zip');
    const window = desktopDispatch(store.dispatch, store.dir, async (s) => {
      suggested.push(s);
      return picked;
    });
    const r = await window('export.issue', exportOf(join(outside, 'named-by-renderer.zip')));
    expect(r).toMatchObject({ ok: true, value: { path: picked } });
    expect(suggested).toEqual([join(store.dir, 'exports', `${DATE}.zip`)]);
    expect(existsSync(join(outside, 'named-by-renderer.zip'))).toBe(false);
    expect((await window('settings.update', { dataDir: outside })).ok).toBe(false);
  });

  it('a cancelled dialog exports nothing', async () => {
    await start();
    const { desktopDispatch } = await import('../../../electron/ipc/rendererCallPolicy');
    const window = desktopDispatch(store.dispatch, store.dir, async () => null);
    expect(await window('export.issue', exportOf())).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(existsSync(join(store.dir, 'exports', `${DATE}.zip`))).toBe(false);
  });
});
