/**
 * Talks to the loopback host over one WebSocket. The page token travels in the handshake's
 * Sec-WebSocket-Protocol (a browser WebSocket cannot carry a header) and in the Authorization
 * header of the one HTTP call, for the photo pass; never in a cookie, which every other server on
 * 127.0.0.1 would receive too.
 */
import type { Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import type { HostReply } from '../../shared/ipc/wire';
import { NewsdeskEventSchema, type NewsdeskEvent } from '../../shared/ipc/events';
import { takeHostToken } from './hostToken';
import type { Transport } from './transportTypes';
import { connectionState } from './connection';

const WS_PROTOCOL = 'newsdesk';
const WS_TOKEN_PREFIX = 'newsdesk-token.';
const NO_TOKEN = '请用 newsdesk serve 打印的完整地址（含 #token=…）打开 Newsdesk。';

interface AssetPass {
  pass: string;
  expiresAt: number;
}

export function createHostTransport(
  url = `${location.origin.replace(/^http/, 'ws')}/ws`,
  token: string | null = takeHostToken(),
): Transport {
  let assetPass: AssetPass | null = null;

  /** Asks for a photo pass and again at a third of its life, so the one in use never runs out. */
  async function renewAssetPass(): Promise<void> {
    if (!token) return;
    try {
      const res = await fetch('/host/asset-pass', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) return;
      assetPass = (await res.json()) as AssetPass;
      const renewIn = Math.max(5_000, (assetPass.expiresAt - Date.now()) / 3);
      setTimeout(() => void renewAssetPass(), renewIn);
    } catch {
      setTimeout(() => void renewAssetPass(), 5_000);
    }
  }
  const ready = renewAssetPass();

  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Set<(e: NewsdeskEvent) => void>();
  const connection = connectionState(() =>
    connect().then(
      () => true,
      () => false,
    ),
  );

  function connect(): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    if (!token) return Promise.reject(new Error(NO_TOKEN));
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${token}`]);
      ws.onopen = () => {
        socket = ws;
        opening = null;
        connection.set(false);
        resolve(ws);
      };
      ws.onerror = () => {
        opening = null;
        connection.set(true);
        reject(new Error('无法连接 Newsdesk 服务'));
      };
      ws.onclose = () => {
        if (socket === ws) connection.set(true);
        socket = null;
        // Calls in flight when the connection drops fail as disconnected; the editor keeps its text.
        for (const [id, done] of pending) {
          pending.delete(id);
          done({ ok: false, error: { code: 'disconnected', message: '与 Newsdesk 服务的连接已断开。' } });
        }
      };
      ws.onmessage = (msg) => {
        const data = JSON.parse(String(msg.data)) as HostReply | { event: unknown };
        if ('event' in data) {
          // Events are checked against the contract's schemas; one this build does not know is ignored.
          const event = NewsdeskEventSchema.safeParse(data);
          if (event.success) for (const l of listeners) l(event.data);
          return;
        }
        const reply = data as HostReply;
        const done = pending.get(reply.id);
        if (done) {
          pending.delete(reply.id);
          done(reply.result);
        }
      };
    });
    return opening;
  }

  return {
    async invoke(channel: Channel, payload: unknown): Promise<Result<unknown>> {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch (e) {
        return { ok: false, error: { code: 'disconnected', message: (e as Error).message } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, payload }));
      });
    },
    assetUrl: (asset) => `/store-assets/${assetPass?.pass ?? '-'}/${encodeURIComponent(asset)}`,
    ready,
    connection,
    onEvent(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}
