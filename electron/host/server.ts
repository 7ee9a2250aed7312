/**
 * The browser host: the same handler registry served on 127.0.0.1 over HTTP
 * (POST /api/<channel>) and WebSocket (/ws), plus the built renderer. This is how the
 * real renderer runs in a browser and in end-to-end tests without the Electron binary.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../ipc/registry';
import { rendererDispatch } from '../ipc/rendererCallPolicy';
import { assetPasses } from './assetPass';
import { checkAddress, checkRequest, newToken, requestUrl, safeDecode, WS_PROTOCOL, type HostTokens } from './hostAuth';
import { statusForResult } from './httpStatus';
import { serveStatic } from './staticFiles';
import { HostMessageSchema, type HostReply } from '../../shared/ipc/wire';
import type { NewsdeskEvent } from '../../shared/ipc/events';

const MAX_BODY = 64 * 1024 * 1024;
/** A request (headers and body) must arrive within this; a slow sender cannot hold a socket for minutes. */
export const REQUEST_DEADLINE_MS = 30_000;

export interface HostOptions {
  /** The whole registry, for the owner token (this user's CLI and other processes). */
  dispatch: Dispatch;
  /** The store the page's exports go into; without it the page cannot export. */
  dataDir?: string | null;
  /** Folder with the built renderer (index.html); null serves the API only. */
  rendererDir: string | null;
  port?: number;
  token?: string;
  /** The page token; new each start unless given (a test restarting the host on the same address). */
  pageToken?: string;
  /** For tests of the deadline itself; REQUEST_DEADLINE_MS otherwise. */
  requestDeadlineMs?: number;
  /** Serves stored photos at /store-assets/<name>. */
  readAsset?: (asset: string) => Promise<{ bytes: Buffer; type: string }>;
}

export interface RunningHost {
  /** What the browser opens: the page token rides in the fragment, which is never sent to any server. */
  url: string;
  port: number;
  /** The owner token: the whole registry (published in the store's lock file, never in a URL). */
  token: string;
  /** The page token: the registry through the renderer policy (no call names a path). */
  pageToken: string;
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

/**
 * On every response: no page may frame the host (clickjacking), whatever it serves, and no URL of
 * ours (a photo's pass) travels on to another site as a Referer.
 */
function setFrameHeaders(res: ServerResponse): void {
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "frame-ancestors 'none'");
  res.setHeader('referrer-policy', 'no-referrer');
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const tokens: HostTokens = { owner: opts.token ?? newToken(), page: opts.pageToken ?? newToken() };
  const pageDispatch = rendererDispatch(opts.dispatch, opts.dataDir ?? null);
  const passes = assetPasses();
  let port = 0;
  const deadline = opts.requestDeadlineMs ?? REQUEST_DEADLINE_MS;
  const server = createServer(
    // Node checks the deadlines on this interval; the default (30 s) would double them.
    { requestTimeout: deadline, headersTimeout: deadline, connectionsCheckingInterval: Math.min(1000, deadline) },
    (req, res) => {
      void handleHttp(req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'host error' } });
      });
    },
  );

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setFrameHeaders(res);
    const url = requestUrl(req, port);
    if (!url) return badRequest(res, 'request target');
    const needsToken = url.pathname.startsWith('/api/') || url.pathname === '/host/asset-pass';
    const verdict = needsToken ? checkRequest(req, tokens, port) : (checkAddress(req, port) ?? { ok: true as const });
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(verdict.reason);
      return;
    }
    if (needsToken && req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (url.pathname === '/host/asset-pass') {
      sendJson(res, 200, passes.issue());
      return;
    }
    if (url.pathname.startsWith('/api/')) {
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
      const dispatch = 'credential' in verdict && verdict.credential === 'owner' ? opts.dispatch : pageDispatch;
      const result = await dispatch(channel, payload);
      sendJson(res, statusForResult(result), result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname.startsWith('/store-assets/') && opts.readAsset) {
      await serveAsset(url.pathname.slice('/store-assets/'.length), req, res);
      return;
    }
    if (!opts.rendererDir) {
      res.writeHead(404).end();
      return;
    }
    // The renderer's own files carry no data of the store: served to any request that names our
    // address, so the page can load before it hands its token (from the fragment) to the API.
    await serveStatic(opts.rendererDir, url.pathname, res);
  }

  /** `/store-assets/<pass>/<name>` for the page's <img>; the owner token in a header works too. */
  async function serveAsset(rest: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const slash = rest.indexOf('/');
    const pass = slash < 0 ? '' : rest.slice(0, slash);
    const asset = safeDecode(slash < 0 ? rest : rest.slice(slash + 1));
    if (asset === null) return badRequest(res, 'path encoding');
    const bearer = checkRequest(req, tokens, port);
    if (!passes.valid(pass) && !bearer.ok) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('asset pass required');
      return;
    }
    try {
      const { bytes, type } = await opts.readAsset!(asset);
      res.writeHead(200, {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      res.end(bytes);
    } catch {
      res.writeHead(404).end();
    }
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BODY,
    // The page offers ours and the one carrying its token; only ours is named back.
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  server.on('upgrade', (req, socket, head) => {
    // Nothing a client sends may throw here: an exception in this handler would end the process.
    try {
      const url = requestUrl(req, port);
      const verdict = url ? checkRequest(req, tokens, port) : { ok: false as const, status: 400 };
      if (!url || !verdict.ok || url.pathname !== '/ws') {
        socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\n\r\n`);
        return;
      }
      const dispatch = verdict.credential === 'owner' ? opts.dispatch : pageDispatch;
      wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, dispatch));
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    }
  });
  // Requests Node cannot parse (bad header bytes, oversized headers): 400, never a crash; too slow: 408.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
    else socket.destroy();
  });

  function serveSocket(ws: WebSocket, dispatch: Dispatch): void {
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
      void dispatch(msg.channel, msg.payload).then((result) => {
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
    url: `http://127.0.0.1:${port}/#token=${tokens.page}`,
    port,
    token: tokens.owner,
    pageToken: tokens.page,
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
