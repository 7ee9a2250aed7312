// The saved hub password goes only to the hub it was typed for: another URL (a listener logging
// what it gets) receives nothing; a URL carrying `user:pw@` is refused; the password file is 0600.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localServices, openRuntime, type Runtime } from '../../../../electron/runtime/openRuntime';
import { fileHubSecret, type HubSecret, type SecretCipher } from '../../../../electron/services/sync/hubSecret';
import { memorySettingsBackend, SettingsService } from '../../../../electron/services/settingsService';
import { addHubUser, initHub } from '../../../../electron/services/sync/hubAdmin';
import { HubClient } from '../../../../electron/services/sync/hubClient';
import { isCleartextHubUrl } from '../../../../shared/rules/sync/hubUrlSafety';
import { startStandInHub, type StandInHub } from './standInHub';

const ADMIN = { user: 'admin', password: 'admin-pw' };
const PASSWORD = 'rita-secret-pw';
let hub: StandInHub | null = null;
let listener: Server | null = null;
let runtime: Runtime | null = null;
let dir = '';
const folders: string[] = [];

async function secretFile(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'nd-secret-'));
  folders.push(folder);
  return join(folder, 'hub-password.bin');
}

afterEach(async () => {
  await runtime?.close();
  runtime = null;
  await hub?.close();
  hub = null;
  await new Promise((r) => (listener ? listener.close(r) : r(undefined)));
  listener = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/**
 * A stand-in for Electron's safeStorage (no Electron binary here): it reverses the bytes instead
 * of encrypting, which is enough to test what fileHubSecret does around it (origin binding, file
 * mode, old files); the encryption itself is Electron's.
 */
function standInCipher(storage: 'keychain' | 'basic-text' = 'keychain'): SecretCipher {
  return {
    storage: () => storage,
    available: () => true,
    encrypt: (text) => Buffer.from(text, 'utf8').reverse(),
    decrypt: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
  };
}

/** Another server on 127.0.0.1 that logs every Authorization header it is sent. */
async function startListener(): Promise<{ url: string; authorizations: string[] }> {
  const authorizations: string[] = [];
  listener = createServer((req, res) => {
    if (req.headers.authorization) authorizations.push(req.headers.authorization);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"db_name":"newsroom"}');
  });
  await new Promise<void>((r) => listener!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/newsroom`, authorizations };
}

async function open(secret: HubSecret): Promise<Runtime> {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-hubpw-'));
  hub = await startStandInHub('newsroom', { admin: ADMIN });
  const admin = new HubClient(hub.dbUrl, hub.serverAdmin);
  await initHub(admin);
  await addHubUser(admin, 'rita', 'reporter', PASSWORD);
  runtime = await openRuntime({
    dataDir: join(dir, 'store'),
    settings: new SettingsService(memorySettingsBackend({ userName: 'rita' })),
    version: 'test',
    sampleDir: join(import.meta.dirname, '..', '..', '..', '..', 'assets', 'sample'),
    hubSecret: secret,
  });
  const saved = await runtime.dispatch('sync.configure', { hubUrl: hub.dbUrl, hubUser: 'rita', password: PASSWORD });
  expect(saved.ok).toBe(true);
  return runtime;
}

const decode = (header: string) => Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');

describe('the hub password goes only to its hub', () => {
  it('sync.test to another URL sends no saved password and asks for it again', async () => {
    const rt = await open(fileHubSecret(await secretFile(), standInCipher()));
    const other = await startListener();
    const r = await rt.dispatch('sync.test', { hubUrl: other.url, hubUser: 'rita' });
    expect(r).toMatchObject({ ok: true, value: { ok: false } });
    expect(other.authorizations.map(decode).join('\n')).not.toContain(PASSWORD);
    // Typed again, it goes where the user typed it for.
    await rt.dispatch('sync.test', { hubUrl: other.url, hubUser: 'rita', password: 'typed-for-this-one' });
    expect(other.authorizations.map(decode)).toContain('rita:typed-for-this-one');
    // The saved hub still gets the saved password.
    const home = await rt.dispatch('sync.test', { hubUrl: hub!.dbUrl, hubUser: 'rita' });
    expect(home).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('sync.configure to another URL without a password is refused and sends nothing', async () => {
    const rt = await open(fileHubSecret(await secretFile(), standInCipher()));
    const other = await startListener();
    const r = await rt.dispatch('sync.configure', { hubUrl: other.url, hubUser: 'rita' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', path: 'password' } });
    await new Promise((res) => setTimeout(res, 300));
    expect(other.authorizations).toEqual([]);
    expect(localServices(rt).settings.get().hubUrl).toBe(hub!.dbUrl);
  });

  it('a password from the environment goes only to the configured hub', async () => {
    const env = { NEWSDESK_HUB_PASSWORD: PASSWORD };
    const { envHubSecret } = await import('../../../../electron/services/sync/hubSecret');
    const rt = await open(envHubSecret(env));
    const other = await startListener();
    await rt.dispatch('sync.test', { hubUrl: other.url, hubUser: 'rita' });
    expect(other.authorizations.map(decode).join('\n')).not.toContain(PASSWORD);
  });

  it('a hub URL with user:pw@ is refused by sync.test and sync.configure', async () => {
    const rt = await open(fileHubSecret(await secretFile(), standInCipher()));
    const other = await startListener();
    const withCreds = other.url.replace('http://', 'http://rita:leaked@');
    for (const channel of ['sync.test', 'sync.configure'] as const) {
      const r = await rt.dispatch(channel, { hubUrl: withCreds, hubUser: 'rita' });
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(other.authorizations).toEqual([]);
  });
});

describe('the saved password file', () => {
  it('is 0600, names the hub it was typed for, and says when the keychain is not protecting it', async () => {
    const file = await secretFile();
    const secret = fileHubSecret(file, standInCipher('basic-text'));
    await secret.write('pw', 'https://hub.example.cn');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await secret.read()).toEqual({ password: 'pw', origin: 'https://hub.example.cn' });
    // A file from before the binding holds the bare password: it counts for the configured hub only.
    await writeFile(file, standInCipher().encrypt('old-pw'));
    expect(await secret.read()).toEqual({ password: 'old-pw', origin: null });
    expect(await readFile(file)).not.toContain('old-pw');
    const rt = await open(secret);
    expect(await rt.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { passwordStorage: 'basic-text' } });
  });
});

describe('cleartext hubs', () => {
  it.each([
    ['http://hub.example.cn/newsroom', true],
    ['http://192.168.1.20:5984/newsroom', true],
    ['http://0.0.0.0:5984/newsroom', true],
    ['https://hub.example.cn/newsroom', false],
    ['http://127.0.0.1:5984/newsroom', false],
    ['http://localhost:5984/newsroom', false],
    ['http://[::1]:5984/newsroom', false],
    ['', false],
  ])('%s warned: %s', (url, warned) => {
    expect(isCleartextHubUrl(url)).toBe(warned);
  });
});
