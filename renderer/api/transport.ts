/**
 * Picks the transport once at start: the preload bridge inside Electron, the loopback
 * host's WebSocket in a browser. Nothing else in the renderer knows which it got.
 */
import type { Channel } from '../../shared/ipc/contract';
import { createClient, type NewsdeskClient } from '../../shared/ipc/client';
import type { Result } from '../../shared/ipc/errors';
import type { HostEvent } from '../../shared/ipc/wire';
import { createHostTransport } from './hostTransport';
import './bridgeTypes';

export interface Transport {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** Where the renderer loads a stored photo from: the app's asset protocol or the host's /store-assets/. */
  assetUrl(asset: string): string;
}

function bridgeTransport(bridge: NonNullable<Window['newsdesk']>): Transport {
  return {
    invoke: (channel, payload) => bridge[channel](payload),
    onEvent: (listener) => bridge.onEvent(listener),
    assetUrl: (asset) => `newsdesk-asset://store/${encodeURIComponent(asset)}`,
  };
}

export const transport: Transport = window.newsdesk ? bridgeTransport(window.newsdesk) : createHostTransport();

export const api: NewsdeskClient = createClient((channel, payload) => transport.invoke(channel, payload));
