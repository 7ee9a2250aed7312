/** What the renderer needs from a transport, whichever one start-up picked. */
import type { Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import type { NewsdeskEvent } from '../../shared/ipc/events';
import type { Connection } from './connection';

export interface Transport {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: NewsdeskEvent) => void): () => void;
  /** Where the renderer loads a stored photo from: the app's asset protocol or the host's /store-assets/. */
  assetUrl(asset: string): string;
  /** Resolves once photos can be shown (the host's photo pass is in hand); start-up waits for it. */
  ready: Promise<void>;
  /** Whether the service is reachable: the browser page can lose it, the desktop app cannot. */
  connection: Connection;
  /** Opens the folder of the last export: only the desktop app can; the browser page shows the path instead. */
  revealExport?: () => Promise<boolean>;
}
