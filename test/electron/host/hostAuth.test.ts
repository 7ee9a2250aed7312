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

function wsOpens(url: string, headers: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
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

  it('trades the tokened URL for a cookie and then serves with it', async () => {
    const h = await start();
    const first = await fetch(h.url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const call = await fetch(`http://127.0.0.1:${h.port}/api/store.health`, {
      method: 'POST',
      body: '{}',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(call.status).toBe(200);
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

  it('opens the WebSocket only with the token and our origin', async () => {
    const h = await start();
    const ws = `ws://127.0.0.1:${h.port}/ws`;
    expect(await wsOpens(ws)).toBe(false);
    expect(await wsOpens(`${ws}?token=${h.token}`, { origin: 'http://localhost:3000' })).toBe(false);
    expect(await wsOpens(`${ws}?token=${h.token}`, { origin: `http://127.0.0.1:${h.port}` })).toBe(true);
  });

  it('answers a malformed WebSocket message with a typed error', async () => {
    const h = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/ws?token=${h.token}`);
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
