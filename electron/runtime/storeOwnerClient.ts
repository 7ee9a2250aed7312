/**
 * Talking to the process that owns a store: every call goes over its loopback host
 * (POST /api/<channel> with the token from the lock file), so its revision checks, index and
 * events see the call as if it came from one of its own windows.
 */
import { NewsdeskError, type Result } from '../../shared/ipc/errors';
import type { Dispatch } from '../ipc/registry';
import { storeRealPath, type LockOwner } from '../services/storeLock';

const PROBE_TIMEOUT_MS = 3_000;
/** Long enough for the slowest call (a big parse on the owner's worker); then the call fails as `io`. */
const CALL_TIMEOUT_MS = 300_000;

async function post(
  owner: LockOwner,
  channel: string,
  payload: unknown,
  timeoutMs = CALL_TIMEOUT_MS,
): Promise<Result<unknown>> {
  // A ref'd timer, unlike AbortSignal.timeout's: it keeps a CLI process alive while it waits for
  // the owner (without it the process could end mid-call with "unsettled top-level await").
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs);
  let body: Result<unknown>;
  let status: number;
  try {
    const res = await fetch(`http://127.0.0.1:${owner.port}/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload ?? {}),
      signal: abort.signal,
    });
    status = res.status;
    body = (await res.json()) as Result<unknown>;
  } finally {
    clearTimeout(timer);
  }
  if (typeof body !== 'object' || body === null || typeof body.ok !== 'boolean') {
    throw new Error(`unexpected reply (HTTP ${status})`);
  }
  return body;
}

/** True when the owner's app.info names the folder we opened (compared as real paths, on this host). */
async function answersFor(info: unknown, storePath: string): Promise<boolean> {
  const dataDir = (info as { dataDir?: unknown } | null)?.dataDir;
  if (typeof dataDir !== 'string') return false;
  return (await storeRealPath(dataDir).catch(() => null)) === storePath;
}

/**
 * A dispatch that forwards to the owner, or null if it publishes no endpoint, does not answer, or answers
 * for another store (its lock was carried here by a copy, or its port now belongs to another process).
 */
export async function connectToOwner(owner: LockOwner | null, dataDir: string): Promise<Dispatch | null> {
  if (!owner || owner.port === null || owner.token === null) return null;
  try {
    const probe = await post(owner, 'app.info', {}, PROBE_TIMEOUT_MS);
    if (!probe.ok || !(await answersFor(probe.value, await storeRealPath(dataDir)))) return null;
  } catch {
    return null;
  }
  return async (channel, payload) => {
    try {
      return await post(owner, channel, payload);
    } catch (e) {
      return {
        ok: false,
        error: { code: 'io', message: `无法连接持有数据目录的进程 ${owner.pid}：${(e as Error).message}` },
      };
    }
  };
}

/** A stored photo from the owner's host (/store-assets/<name>). */
export async function readAssetFromOwner(owner: LockOwner, asset: string): Promise<{ bytes: Buffer; type: string }> {
  const res = await fetch(`http://127.0.0.1:${owner.port}/store-assets/${encodeURIComponent(asset)}`, {
    headers: { authorization: `Bearer ${owner.token}` },
  });
  if (!res.ok) throw new NewsdeskError('not_found', `图片 ${asset} 不存在。`);
  return {
    bytes: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type') ?? 'application/octet-stream',
  };
}
