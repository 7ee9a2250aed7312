// The host answers every malformed request with 400 (and never dies of one), and sets the
// framing and sniffing headers on every response.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { openTempStore, type TempStore } from '../services/tempStore';

let store: TempStore;
let host: RunningHost;
let rendererDir = '';
afterEach(async () => {
  await host?.close();
  await store?.cleanup();
  if (rendererDir) await rm(rendererDir, { recursive: true, force: true });
});

async function start(): Promise<RunningHost> {
  store = await openTempStore();
  rendererDir = await mkdtemp(join(tmpdir(), 'newsdesk-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
  await writeFile(join(rendererDir, 'app.js.map'), '{"sources":["secret.ts"]}');
  host = await startHost({ dispatch: store.dispatch, rendererDir, readAsset: (a) => store.services.assets.read(a) });
  return host;
}

/** Sends raw bytes and returns the status line's code. */
function raw(port: number, request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    const status = () => Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0);
    socket.on('data', (d) => {
      text += d.toString('latin1');
      // The status line is all we need; do not wait for keep-alive to time out.
      if (status()) socket.destroy();
    });
    socket.on('close', () => resolve(status()));
    socket.on('error', reject);
  });
}

async function alive(h: RunningHost): Promise<boolean> {
  const r = await fetch(`http://127.0.0.1:${h.port}/api/app.info`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}` },
    body: '{}',
  });
  return r.status === 200;
}

describe('malformed requests', () => {
  it('a WebSocket upgrade with a malformed cookie is refused (cookies carry nothing) and the host lives on', async () => {
    const h = await start();
    const upgrade = (cookie: string) =>
      raw(
        h.port,
        `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: ${cookie}\r\n\r\n`,
      );
    expect(await upgrade(`newsdesk_token_${h.port}=%E0`)).toBe(401);
    expect(await upgrade(`newsdesk_token_${h.port}=${h.token}`)).toBe(401);
    expect(await alive(h)).toBe(true);
  });

  it.each([
    [
      'a malformed /api path',
      (p: number) =>
        `POST /api/%E0 HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuthorization: Bearer TOKEN\r\nContent-Length: 2\r\n\r\n{}`,
    ],
    [
      'a malformed static path',
      (p: number) => `GET /%E0%A4 HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuthorization: Bearer TOKEN\r\n\r\n`,
    ],
    [
      'a malformed asset path',
      (p: number) => `GET /store-assets/%ZZ HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuthorization: Bearer TOKEN\r\n\r\n`,
    ],
    [
      'an absolute-form target',
      (p: number) =>
        `GET http://evil.example/api HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuthorization: Bearer TOKEN\r\n\r\n`,
    ],
    ['a header with a bad byte', (p: number) => `GET / HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nX-Bad: a\u0001b\r\n\r\n`],
    ['a broken request line', () => `GARBAGE\r\n\r\n`],
  ])('%s gets 400', async (_what, request) => {
    const h = await start();
    expect(await raw(h.port, request(h.port).replace('TOKEN', h.token))).toBe(400);
    expect(await alive(h)).toBe(true);
  });
});

describe('response headers', () => {
  it('forbid framing on every response, nosniff on API responses, and serve no source maps', async () => {
    const h = await start();
    const base = `http://127.0.0.1:${h.port}`;
    const auth = { authorization: `Bearer ${h.token}` };
    const responses = [
      await fetch(`${base}/api/app.info`, { method: 'POST', headers: auth, body: '{}' }),
      await fetch(`${base}/api/no.such`, { method: 'POST', headers: auth, body: '{}' }),
      await fetch(`${base}/api/app.info`, { method: 'POST', body: '{}' }),
      await fetch(`${base}/`, { headers: auth }),
      await fetch(`${base}/missing.js`, { headers: auth }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 404, 401, 200, 404]);
    for (const r of responses) {
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    expect(responses[0]!.headers.get('x-content-type-options')).toBe('nosniff');
    expect(responses[1]!.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/app.js`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${base}/app.js.map`, { headers: auth })).status).toBe(404);
  });

  it('serves no source map by any path form, nor any file a page does not load', async () => {
    const h = await start();
    const base = `http://127.0.0.1:${h.port}`;
    for (const path of [
      '/app.js.map',
      '/app.js.map/',
      '/app.js.map/.',
      '/app.js.MAP',
      '/app.js%2emap',
      '/./app.js.map',
    ]) {
      const r = await fetch(`${base}${path}`);
      expect(r.status, path).not.toBe(200);
      expect(await r.text(), path).not.toContain('secret.ts');
    }
    expect((await fetch(`${base}/app.js`)).status).toBe(200);
  });

  it('a request body that does not arrive within the deadline is cut off', async () => {
    const { REQUEST_DEADLINE_MS } = await import('../../../electron/host/server');
    expect(REQUEST_DEADLINE_MS).toBeLessThanOrEqual(30_000);
    store = await openTempStore();
    host = await startHost({ dispatch: store.dispatch, rendererDir: null, requestDeadlineMs: 1500 });
    expect(host.server.requestTimeout).toBe(1500);
    const started = Date.now();
    const status = await raw(
      host.port,
      `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\n` +
        `Content-Length: 100\r\n\r\n{`,
    );
    // Node answers 408 and closes; the socket is not held for the old 300 s.
    expect(status).toBe(408);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
