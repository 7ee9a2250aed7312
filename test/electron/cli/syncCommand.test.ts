import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from '../services/sync/standInHub';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'newsdesk.js');
const ADMIN = { user: 'admin', password: 'adm1n-secret' };
let dir: string;
let hub: StandInHub;

async function newsdesk(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, NEWSDESK_STORE: join(dir, 'store'), NEWSDESK_CONFIG_DIR: join(dir, 'config'), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-sync-'));
  hub = await startStandInHub('newsroom', { admin: ADMIN });
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

describe('newsdesk hub and sync commands', () => {
  it('sets up the hub, adds a reporter and syncs a story as that reporter, never printing a password', async () => {
    const asAdmin = { NEWSDESK_HUB_USER: ADMIN.user, NEWSDESK_HUB_PASSWORD: ADMIN.password };
    // The database exists already in the stand-in: init updates its security and design doc.
    const init = await newsdesk(asAdmin, 'hub', 'init', hub.dbUrl);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const added = await newsdesk(
      { ...asAdmin, NEWSDESK_NEW_USER_PASSWORD: 'rita-pw-123' },
      'hub',
      'add-user',
      'rita',
      '--role',
      'reporter',
      '--hub',
      hub.dbUrl,
    );
    expect(added.code).toBe(0);
    const security = await (
      await fetch(`${hub.dbUrl}/_security`, {
        headers: { authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}` },
      })
    ).json();
    expect(security).toMatchObject({
      admins: { roles: ['desk_admin'] },
      members: { roles: expect.arrayContaining(['reporter', 'copy_editor', 'layout']) },
    });

    // The hub takes only revisions signed by the user who pushes them: this desk writes as rita.
    await newsdesk({}, 'call', 'settings.update', JSON.stringify({ userName: 'rita' }));
    const created = await newsdesk(
      {},
      'call',
      'articles.create',
      JSON.stringify({ kind: 'story', content: { headline: '命令行同步' } }),
    );
    const id = (JSON.parse(created.stdout) as { id: string }).id;
    const asRita = { NEWSDESK_HUB_USER: 'rita', NEWSDESK_HUB_PASSWORD: 'rita-pw-123' };
    const synced = await newsdesk(asRita, 'sync', '--once', '--hub', hub.dbUrl);
    expect(synced.stderr).toBe('');
    expect(synced.stdout).toContain('推送 1 篇');
    expect((await hub.local.get(id)).headline).toBe('命令行同步');
    const wrong = await newsdesk(
      { NEWSDESK_HUB_USER: 'rita', NEWSDESK_HUB_PASSWORD: 'nope' },
      'sync',
      '--once',
      '--hub',
      hub.dbUrl,
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('401');

    for (const out of [init, added, synced, wrong]) {
      for (const secret of [ADMIN.password, 'rita-pw-123', 'nope'])
        expect(out.stdout + out.stderr).not.toContain(secret);
    }
    // Nothing under the config or store folders holds a password either.
    for (const sub of ['config', 'store/sync']) {
      for (const name of await readdir(join(dir, sub), { recursive: true })) {
        const text = await readFile(join(dir, sub, name), 'utf8').catch(() => '');
        expect(text).not.toContain('rita-pw-123');
      }
    }
  });
});
