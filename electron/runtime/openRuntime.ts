/**
 * The one wiring of a data folder: services, the validated handler registry, a typed in-process
 * client and the event bus. The Electron main process, the CLI and host, the e2e harness, the
 * unit tests' temp store and the bench all start here, so they cannot drift apart.
 *
 * One writer per store: the first process takes the store's lock and owns it. Any other process
 * forwards every call to the owner over its loopback host, or, when the owner cannot be reached,
 * opens the folder read-only and says why. A full disk also opens read-only (opening writes
 * nothing then), so stories can still be read.
 */
import { mkdir } from 'node:fs/promises';
import { makeStorePrivate } from '../services/privateStore';
import { createClient, type NewsdeskClient } from '../../shared/ipc/client';
import { createHandlers } from '../ipc/handlers';
import { createDispatch, type Dispatch } from '../ipc/registry';
import { isDiskFull } from '../services/fsErrors';
import { openServices, type OpenServicesOptions, type Services } from '../services/openServices';
import { subscribeToOwner, type OwnerEvents } from './ownerEvents';
import { connectToOwner, readAssetFromOwner } from './storeOwnerClient';
import { describeOwner, StoreLock, type LockOwner } from '../services/storeLock';
import { createEventBus, type EventListener } from './eventBus';
import { readOnlyDispatch } from './readOnlyDispatch';

export interface RuntimeOptions extends OpenServicesOptions {
  /** Unexpected failures (bugs) that callers see as `internal`; logged to stderr unless given. */
  onInternalError?: (channel: string, error: unknown) => void;
  /**
   * Start syncing with the hub named in settings (default). `newsdesk sync` says no: it runs the
   * one sync of its process itself, and a second one would race it for the same checkpoints.
   */
  startSync?: boolean;
}

/** How this process holds the store. */
export type StoreAccess =
  | { mode: 'owner' }
  | { mode: 'remote'; owner: LockOwner }
  | { mode: 'read-only'; code: 'read_only' | 'disk_full'; message: string; owner: LockOwner | null };

type ReadOnlyAccess = Extract<StoreAccess, { mode: 'read-only' }>;

export interface Runtime {
  access: StoreAccess;
  dataDir: string;
  /** The store's services; null when every call goes to the owning process instead. */
  services: Services | null;
  /** Untyped entry for transports that carry a channel name and payload from outside. */
  dispatch: Dispatch;
  /** Typed calls for in-process callers (CLI, tests, bench): the same validation as every transport. */
  client: NewsdeskClient;
  onEvent(listener: EventListener): () => void;
  /** A forwarding process: resolves once the owner's events are relayed here (false if they cannot be). */
  ownerEvents?: () => Promise<boolean>;
  /** Bytes of a stored photo (from the owner when this process does not hold the store). */
  readAsset(asset: string): Promise<{ bytes: Buffer; type: string }>;
  /** The owner writes where its loopback host listens, so other processes can reach it. */
  publishEndpoint(port: number, token: string): Promise<void>;
  close(): Promise<void>;
}

export async function openRuntime(opts: RuntimeOptions): Promise<Runtime> {
  let attempt;
  try {
    await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
    attempt = await StoreLock.acquire(opts.dataDir);
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    return openReadOnly(opts, diskFullAccess(null));
  }
  if (!attempt.acquired) {
    const forward = await connectToOwner(attempt.owner, opts.dataDir);
    if (forward && attempt.owner) return openRemote(opts, attempt.owner, forward);
    return openReadOnly(opts, {
      mode: 'read-only',
      code: 'read_only',
      owner: attempt.owner,
      message: `数据目录 ${opts.dataDir} 正由${describeOwner(attempt.owner)}使用，且无法与它联系：本进程只能读取，不能保存。`,
    });
  }
  const lock = attempt.lock;
  let services: Services;
  try {
    await makeStorePrivate(opts.dataDir);
    services = await openServices(opts);
  } catch (e) {
    await lock.release();
    if (!isDiskFull(e)) throw e;
    return openReadOnly(opts, diskFullAccess(null));
  }
  const runtime = wire(opts, { mode: 'owner' }, services);
  return {
    ...runtime,
    publishEndpoint: (port, token) => lock.publish(port, token),
    close: async () => {
      try {
        await services.close();
      } finally {
        await lock.release();
      }
    },
  };
}

/** The services of a runtime that holds the store (owner or read-only); for tests, bench and harness. */
export function localServices(runtime: Runtime): Services {
  if (!runtime.services) throw new Error(`${runtime.dataDir} is owned by another process; calls go there`);
  return runtime.services;
}

function diskFullAccess(owner: LockOwner | null): ReadOnlyAccess {
  return {
    mode: 'read-only',
    code: 'disk_full',
    owner,
    message: '磁盘已满：稿件可以阅读，但在腾出空间并重新打开之前不能保存。',
  };
}

function wire(opts: RuntimeOptions, access: StoreAccess, services: Services): Runtime {
  const onInternalError =
    opts.onInternalError ?? ((channel: string, e: unknown) => console.error(`[newsdesk] ${channel}:`, e));
  let dispatch = createDispatch(createHandlers(services), { onInternalError });
  if (access.mode === 'read-only') dispatch = readOnlyDispatch(dispatch, access.code, access.message);
  const bus = createEventBus((e) => onInternalError('event', e));
  services.articles.onWrite((a) =>
    bus.emit({ event: 'article.saved', id: a.id, revision: a.revision, updatedBy: a.updatedBy }),
  );
  services.articles.onChecked(({ changed, removed, quarantined }) =>
    bus.emit({ event: 'articles.checked', changed, removed, quarantined }),
  );
  services.imports.onProgress((p) => bus.emit({ event: 'import.progress', ...p }));
  services.issues.onWrite((i) =>
    bus.emit({ event: 'issue.saved', id: i.id, date: i.date, revision: i.revision, updatedBy: i.updatedBy }),
  );
  services.exports.onProgress((e) => bus.emit(e));
  services.stylebook.onChange((b) =>
    bus.emit({ event: 'stylebook.saved', updatedAt: b.updatedAt, updatedBy: b.updatedBy, entries: b.entries.length }),
  );
  services.sync.onStatus((status) => bus.emit({ event: 'sync.status', ...status }));
  // Sync is off until a hub is configured; starting it never delays opening the store.
  if (opts.startSync !== false) {
    void services.sync.startFromSettings(services.settings).catch((e: unknown) => onInternalError('sync', e));
  }
  return {
    access,
    dataDir: opts.dataDir,
    services,
    dispatch,
    client: createClient(dispatch),
    onEvent: bus.on,
    readAsset: (asset) => services.assets.read(asset),
    publishEndpoint: async () => undefined,
    close: () => services.close(),
  };
}

async function openReadOnly(opts: RuntimeOptions, access: ReadOnlyAccess): Promise<Runtime> {
  const services = await openServices({ ...opts, readOnly: { code: access.code, message: access.message } });
  return wire(opts, access, services);
}

function openRemote(opts: RuntimeOptions, owner: LockOwner, forward: Dispatch): Runtime {
  const bus = createEventBus(() => undefined);
  // The owner's events are relayed from its host once someone here listens (serve's windows, an export's
  // progress); a one-shot command that never listens opens no socket.
  let relay: OwnerEvents | null = null;
  return {
    access: { mode: 'remote', owner },
    dataDir: opts.dataDir,
    services: null,
    dispatch: forward,
    client: createClient(forward),
    onEvent: (listener) => {
      relay ??= subscribeToOwner(owner, bus.emit);
      return bus.on(listener);
    },
    ownerEvents: () => relay?.ready ?? Promise.resolve(false),
    readAsset: (asset) => readAssetFromOwner(owner, asset),
    publishEndpoint: async () => undefined,
    close: async () => relay?.close(),
  };
}
