/**
 * Picks the transport once at start: the preload bridge inside Electron, the loopback
 * host's WebSocket in a browser. Nothing else in the renderer knows which it got.
 */
import { createClient, type NewsdeskClient } from '../../shared/ipc/client';
import { createHostTransport } from './hostTransport';
import './bridgeTypes';
import { NewsdeskEventSchema } from '../../shared/ipc/events';
import type { Transport } from './transportTypes';
import { alwaysConnected } from './connection';

export type { Transport } from './transportTypes';

function bridgeTransport(bridge: NonNullable<Window['newsdesk']>): Transport {
  return {
    invoke: (channel, payload) => bridge[channel](payload),
    onEvent: (listener) =>
      bridge.onEvent((raw) => {
        const event = NewsdeskEventSchema.safeParse(raw);
        if (event.success) listener(event.data);
      }),
    assetUrl: (asset) => `newsdesk-asset://store/${encodeURIComponent(asset)}`,
    ready: Promise.resolve(),
    connection: alwaysConnected,
    ...(bridge.revealExport ? { revealExport: bridge.revealExport } : {}),
  };
}

export const transport: Transport = window.newsdesk ? bridgeTransport(window.newsdesk) : createHostTransport();

export const api: NewsdeskClient = createClient((channel, payload) => transport.invoke(channel, payload));
