import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNewsdesk, storeEnv, type CliResult } from './runNewsdesk';
import { startStandInHub, type StandInHub } from '../services/sync/standInHub';

const ADMIN = { user: 'admin', password: 'adm1n-secret' };
let dir: string;
let hub: StandInHub;
let admin = ADMIN;

function newsdesk(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  return runNewsdesk(storeEnv(dir, env), args);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-sync-'));
  // On a real CouchDB (NEWSDESK_TEST_COUCHDB_URL) its own admin stands in for ADMIN.
  hub = await startStandInHub('newsroom', { admin: ADMIN });
  admin = hub.serverAdmin ?? ADMIN;
});
afterAll(async () => {
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

describe('newsdesk hub and sync commands', () => {
  it('sets up the hub, adds a reporter and syncs a story as that reporter, never printing a password', async () => {
    const asAdmin = { NEWSDESK_HUB_USER: admin.user, NEWSDESK_HUB_PASSWORD: admin.password };
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
        headers: { authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}` },
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
      for (const secret of [admin.password, 'rita-pw-123', 'nope'])
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

  it('refuses a hub URL carrying user:pw@ (argv is readable by every local user), printing no password', async () => {
    const out = await newsdesk({}, 'sync', '--once', '--hub', hub.dbUrl.replace('http://', 'http://rita:rita-pw-123@'));
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('user:pw@');
    expect(out.stdout + out.stderr).not.toContain('rita-pw-123');
  });

  it('warns of a plain http:// hub on another machine before asking for the password', async () => {
    // No password in the environment and no terminal: the command stops at the password, so
    // nothing is sent anywhere; the warning has been printed by then.
    const out = await newsdesk(
      { NEWSDESK_HUB_USER: 'rita' },
      'sync',
      '--once',
      '--hub',
      'http://hub.example.cn/newsroom',
    );
    expect(out.stderr).toContain('明文');
    const local = await newsdesk({ NEWSDESK_HUB_USER: 'rita' }, 'sync', '--once', '--hub', hub.dbUrl);
    expect(local.stderr).not.toContain('明文');
  });
});
