/**
 * The browser host: the same handler registry served on 127.0.0.1 over HTTP
 * (POST /api/<channel>) and WebSocket (/ws), plus the built renderer. This is how the
 * real renderer runs in a browser and in end-to-end tests without the Electron binary.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../ipc/registry';
import { checkRequest, newToken, requestUrl, safeDecode, tokenCookieName } from './hostAuth';
import { statusForResult } from './httpStatus';
import { serveStatic } from './staticFiles';
import { HostMessageSchema, type HostReply } from '../../shared/ipc/wire';
import type { NewsdeskEvent } from '../../shared/ipc/events';

const MAX_BODY = 64 * 1024 * 1024;

export interface HostOptions {
  dispatch: Dispatch;
  /** Folder with the built renderer (index.html); null serves the API only. */
  rendererDir: string | null;
  port?: number;
  token?: string;
  /** Serves stored photos at /store-assets/<name>. */
  readAsset?: (asset: string) => Promise<{ bytes: Buffer; type: string }>;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  /** Sends an event to every connected window, e.g. that another window saved a story. */
  broadcast(event: NewsdeskEvent): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function badRequest(res: ServerResponse, reason: string): void {
  sendJson(res, 400, { ok: false, error: { code: 'validation', message: `请求无效：${reason}` } });
}

/** On every response: no page may frame the host (clickjacking), whatever it serves. */
function setFrameHeaders(res: ServerResponse): void {
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "frame-ancestors 'none'");
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? newToken();
  let port = 0;
  const server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'host error' } });
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setFrameHeaders(res);
    const url = requestUrl(req, port);
    if (!url) return badRequest(res, 'request target');
    const verdict = checkRequest(req, url, token, port);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(verdict.reason);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      let payload: unknown;
      try {
        const text = await readBody(req);
        payload = text ? JSON.parse(text) : {};
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'validation', message: '请求体不是有效的 JSON。' } });
        return;
      }
      const channel = safeDecode(url.pathname.slice(5));
      if (channel === null) return badRequest(res, 'path encoding');
      const result = await opts.dispatch(channel, payload);
      sendJson(res, statusForResult(result), result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (verdict.viaQuery && url.pathname === '/') {
      // Trade the token in the URL for a cookie so it leaves the address bar and history.
      res.writeHead(302, {
        location: '/',
        'set-cookie': `${tokenCookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/store-assets/') && opts.readAsset) {
      const asset = safeDecode(url.pathname.slice('/store-assets/'.length));
      if (asset === null) return badRequest(res, 'path encoding');
      try {
        const { bytes, type } = await opts.readAsset(asset);
        res.writeHead(200, {
          'content-type': type,
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, max-age=3600',
        });
        res.end(bytes);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    if (!opts.rendererDir) {
      res.writeHead(404).end();
      return;
    }
    await serveStatic(opts.rendererDir, url.pathname, res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  server.on('upgrade', (req, socket, head) => {
    // Nothing a client sends may throw here: an exception in this handler would end the process.
    try {
      const url = requestUrl(req, port);
      const verdict = url ? checkRequest(req, url, token, port) : { ok: false as const, status: 400 };
      if (!url || !verdict.ok || url.pathname !== '/ws') {
        socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    }
  });
  // Requests Node cannot parse (bad header bytes, oversized headers): 400, never a crash.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  function serveSocket(ws: WebSocket): void {
    ws.on('message', (data) => {
      let msg;
      try {
        msg = HostMessageSchema.parse(JSON.parse(data.toString()));
      } catch {
        ws.send(
          JSON.stringify({ id: null, result: { ok: false, error: { code: 'validation', message: '消息格式无效。' } } }),
        );
        return;
      }
      void opts.dispatch(msg.channel, msg.payload).then((result) => {
        const reply: HostReply = { id: msg.id, result };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    broadcast(event) {
      const text = JSON.stringify(event);
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
