/**
 * Events from the process that owns a store, for a process that forwards its calls there (a second
 * `newsdesk serve`, the CLI): one WebSocket to the owner's /ws with the token from the lock file, each
 * event checked against the contract's schemas and handed on, so the forwarding process's own windows
 * see article.saved and the rest as the owner's windows do.
 */
import { NewsdeskEventSchema, type NewsdeskEvent } from '../../shared/ipc/events';
import type { LockOwner } from '../services/storeLock';

export interface OwnerEvents {
  /** Resolves once the owner accepted the subscription (false if it refused or could not be reached). */
  ready: Promise<boolean>;
  close(): void;
}

export function subscribeToOwner(owner: LockOwner, emit: (event: NewsdeskEvent) => void): OwnerEvents {
  if (owner.port === null || owner.token === null) return { ready: Promise.resolve(false), close: () => undefined };
  const { port, token } = owner;
  let closed = false;
  // ws is loaded only here, when something listens: every one-shot CLI command would otherwise pay for it.
  const socket = import('ws').then(({ default: WebSocket }) => {
    if (closed) return null;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { authorization: `Bearer ${token}` } });
    // An owner that went away ends the relay; calls then fail as `io` and say so, the events simply stop.
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        return;
      }
      // Only events: replies to calls never come on this socket, as it sends none.
      const event = NewsdeskEventSchema.safeParse(parsed);
      if (event.success) emit(event.data);
    });
    return ws;
  });
  const ready = socket.then(
    (ws) =>
      ws === null
        ? false
        : new Promise<boolean>((resolve) => {
            ws.once('open', () => resolve(true));
            ws.once('error', () => resolve(false));
            ws.once('close', () => resolve(false));
          }),
    () => false,
  );
  return {
    ready,
    close: () => {
      closed = true;
      void socket.then(
        (ws) => ws?.terminate(),
        () => undefined,
      );
    },
  };
}
