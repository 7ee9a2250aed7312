/**
 * The one wiring of a data folder: services, the validated handler registry, a typed in-process
 * client and the event bus. The Electron main process, the CLI and host, the e2e harness, the
 * unit tests' temp store and the bench all start here, so they cannot drift apart.
 */
import { createClient, type NewsdeskClient } from '../../shared/ipc/client';
import { createHandlers } from '../ipc/handlers';
import { createDispatch, type Dispatch } from '../ipc/registry';
import { openServices, type OpenServicesOptions, type Services } from '../services/openServices';
import { createEventBus, type EventListener } from './eventBus';

export interface RuntimeOptions extends OpenServicesOptions {
  /** Unexpected failures (bugs) that callers see as `internal`; logged to stderr unless given. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface Runtime {
  services: Services;
  /** Untyped entry for transports that carry a channel name and payload from outside. */
  dispatch: Dispatch;
  /** Typed calls for in-process callers (CLI, tests, bench): the same validation as every transport. */
  client: NewsdeskClient;
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}

export async function openRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const services = await openServices(opts);
  const onInternalError =
    opts.onInternalError ?? ((channel: string, e: unknown) => console.error(`[newsdesk] ${channel}:`, e));
  const dispatch = createDispatch(createHandlers(services), { onInternalError });
  const bus = createEventBus((e) => onInternalError('event', e));
  services.articles.onWrite((a) =>
    bus.emit({ event: 'article.saved', id: a.id, revision: a.revision, updatedBy: a.updatedBy }),
  );
  services.sync.onStatus((status) => bus.emit({ event: 'sync.status', ...status }));
  // Sync is off until a hub is configured; starting it never delays opening the store.
  void services.sync.startFromSettings(services.settings).catch((e: unknown) => onInternalError('sync', e));
  return {
    services,
    dispatch,
    client: createClient(dispatch),
    onEvent: bus.on,
    close: () => services.close(),
  };
}
