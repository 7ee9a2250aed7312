/** Talks to the loopback host over one WebSocket; the token travels in the cookie the host set. */
import type { Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import type { HostReply } from '../../shared/ipc/wire';
import { NewsdeskEventSchema, type NewsdeskEvent } from '../../shared/ipc/events';
import type { Transport } from './transportTypes';

export function createHostTransport(url = `${location.origin.replace(/^http/, 'ws')}/ws`): Transport {
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Set<(e: NewsdeskEvent) => void>();

  function connect(): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        opening = null;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = null;
        reject(new Error('无法连接 Newsdesk 服务'));
      };
      ws.onclose = () => {
        socket = null;
        // Calls in flight when the connection drops fail as I/O errors; the editor keeps its text.
        for (const [id, done] of pending) {
          pending.delete(id);
          done({ ok: false, error: { code: 'io', message: '与 Newsdesk 服务的连接已断开。' } });
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
        return { ok: false, error: { code: 'io', message: (e as Error).message } };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, payload }));
      });
    },
    assetUrl: (asset) => `/store-assets/${encodeURIComponent(asset)}`,
    onEvent(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}
