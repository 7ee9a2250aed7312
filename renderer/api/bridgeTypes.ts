/** The shape the preload script exposes on window: one function per contract channel, nothing else. */
import type { Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';

export type NewsdeskBridge = { readonly [C in Channel]: (payload: unknown) => Promise<Result<unknown>> } & {
  /** Subscribes to main-process events (e.g. a story saved in another window); returns an unsubscribe. */
  readonly onEvent: (listener: (event: unknown) => void) => () => void;
  /** Opens the folder of the last export (the desktop app only); false when there is none. */
  readonly revealExport?: () => Promise<boolean>;
};

declare global {
  interface Window {
    newsdesk?: NewsdeskBridge;
  }
}
