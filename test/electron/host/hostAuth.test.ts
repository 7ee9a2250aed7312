import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { openTempStore, type TempStore } from '../services/tempStore';

let store: TempStore;
let host: RunningHost;
afterEach(async () => {
  await host?.close();
  await store?.cleanup();
});

async function start(): Promise<RunningHost> {
  store = await openTempStore();
  host = await startHost({ dispatch: store.dispatch, rendererDir: null });
  return host;
}

function wsOpens(url: string, headers: Record<string, string> = {}, protocols: string[] = []): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(true);
    });
    ws.on('error', () => resolve(false));
  });
}

describe('the loopback host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const h = await start();
    const addr = h.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('answers a call with the token and refuses one without', async () => {
    const h = await start();
    const api = `http://127.0.0.1:${h.port}/api/app.info`;
    expect((await fetch(api, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(api, { method: 'POST', body: '{}', headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    const ok = await fetch(api, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${h.token}` } });
    expect(await ok.json()).toMatchObject({ ok: true, value: { version: 'test' } });
  });

  it('refuses a foreign Origin or Host even with the token (DNS rebinding, other sites)', async () => {
    const h = await start();
    const api = `http://127.0.0.1:${h.port}/api/app.info`;
    const auth = { authorization: `Bearer ${h.token}` };
    expect(
      (await fetch(api, { method: 'POST', body: '{}', headers: { ...auth, origin: 'http://evil.example' } })).status,
    ).toBe(403);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: h.port,
          path: '/api/app.info',
          method: 'POST',
          headers: { ...auth, host: `evil.example:${h.port}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('hands the page its token in the URL fragment and never sets a cookie', async () => {
    const h = await start();
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/#token=${h.pageToken}`);
    expect(h.pageToken).not.toBe(h.token);
    // A token in the query (the old hand-over) opens nothing and sets nothing.
    const first = await fetch(`http://127.0.0.1:${h.port}/?token=${h.pageToken}`, { redirect: 'manual' });
    expect(first.headers.get('set-cookie')).toBeNull();
    const viaQuery = await fetch(`http://127.0.0.1:${h.port}/api/store.health?token=${h.pageToken}`, {
      method: 'POST',
      body: '{}',
    });
    expect(viaQuery.status).toBe(401);
    // Nor does a cookie carrying it, under any name.
    for (const name of ['newsdesk_token', `newsdesk_token_${h.port}`, 'token']) {
      const call = await fetch(`http://127.0.0.1:${h.port}/api/store.health`, {
        method: 'POST',
        body: '{}',
        headers: { cookie: `${name}=${h.pageToken}` },
      });
      expect(call.status).toBe(401);
    }
    const bearer = await fetch(`http://127.0.0.1:${h.port}/api/store.health`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: `Bearer ${h.pageToken}` },
    });
    expect(bearer.status).toBe(200);
  });

  it('serves photos only with a fresh pass the page asked for with its token', async () => {
    store = await openTempStore();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const { asset } = await store.services.assets.importImage('p.png', png.toString('base64'));
    host = await startHost({
      dispatch: store.dispatch,
      rendererDir: null,
      readAsset: (a) => store.services.assets.read(a),
    });
    const base = `http://127.0.0.1:${host.port}`;
    expect((await fetch(`${base}/store-assets/${asset}`)).status).toBe(401);
    // A process forwarding to this owner (the CLI, a second serve) reads photos with the owner token.
    const forwarded = await fetch(`${base}/store-assets/${asset}`, {
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(forwarded.status).toBe(200);
    expect((await fetch(`${base}/store-assets/1.x/${asset}`)).status).toBe(401);
    expect((await fetch(`${base}/host/asset-pass`, { method: 'POST' })).status).toBe(401);
    const issued = await fetch(`${base}/host/asset-pass`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.pageToken}` },
    });
    const { pass, expiresAt } = (await issued.json()) as { pass: string; expiresAt: number };
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);
    const photo = await fetch(`${base}/store-assets/${pass}/${asset}`);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(png);
    // A pass with its expiry moved on no longer matches its MAC.
    const [exp, mac] = pass.split('.');
    expect((await fetch(`${base}/store-assets/${Number(exp) + 1000}.${mac}/${asset}`)).status).toBe(401);
  });

  it('a photo pass expires', async () => {
    const { assetPasses } = await import('../../../electron/host/assetPass');
    const passes = assetPasses(1000);
    const { pass, expiresAt } = passes.issue(5_000);
    expect(passes.valid(pass, 5_500)).toBe(true);
    expect(passes.valid(pass, expiresAt)).toBe(false);
    expect(assetPasses(1000).valid(pass, 5_500)).toBe(false);
  });

  it('serves the renderer with a strict CSP: nothing remote, nothing inline', async () => {
    store = await openTempStore();
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-renderer-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startHost({ dispatch: store.dispatch, rendererDir: dir });
    const res = await fetch(`http://127.0.0.1:${host.port}/`, { headers: { authorization: `Bearer ${host.token}` } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe');
    expect(csp).not.toMatch(/https?:/);
    expect(
      (
        await fetch(`http://127.0.0.1:${host.port}/../../etc/passwd`, {
          headers: { authorization: `Bearer ${host.token}` },
        })
      ).status,
    ).not.toBe(200);
  });

  it('opens the WebSocket only with a token in the handshake and our origin', async () => {
    const h = await start();
    const ws = `ws://127.0.0.1:${h.port}/ws`;
    const ours = { origin: `http://127.0.0.1:${h.port}` };
    expect(await wsOpens(ws)).toBe(false);
    expect(await wsOpens(`${ws}?token=${h.pageToken}`, ours)).toBe(false);
    expect(await wsOpens(ws, { ...ours, cookie: `newsdesk_token_${h.port}=${h.pageToken}` })).toBe(false);
    expect(await wsOpens(ws, { origin: 'http://localhost:3000' }, ['newsdesk', `newsdesk-token.${h.pageToken}`])).toBe(
      false,
    );
    expect(await wsOpens(ws, ours, ['newsdesk', 'newsdesk-token.wrong'])).toBe(false);
    expect(await wsOpens(ws, ours, ['newsdesk', `newsdesk-token.${h.pageToken}`])).toBe(true);
    expect(await wsOpens(ws, { ...ours, authorization: `Bearer ${h.token}` })).toBe(true);
  });

  it('answers a malformed WebSocket message with a typed error', async () => {
    const h = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/ws`, { headers: { authorization: `Bearer ${h.token}` } });
    await new Promise((r) => ws.on('open', r));
    const reply = new Promise<string>((r) => ws.once('message', (d) => r(d.toString())));
    ws.send('{not json');
    expect(JSON.parse(await reply)).toMatchObject({ result: { ok: false, error: { code: 'validation' } } });
    const reply2 = new Promise<string>((r) => ws.once('message', (d) => r(d.toString())));
    ws.send(JSON.stringify({ id: 7, channel: 'articles.get', payload: { id: '../x' } }));
    expect(JSON.parse(await reply2)).toMatchObject({ id: 7, result: { ok: false, error: { code: 'validation' } } });
    ws.close();
  });
});
