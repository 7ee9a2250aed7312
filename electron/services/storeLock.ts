/**
 * One writer per store: the first process to open a data folder creates `owner.lock` with
 * O_EXCL (mode 0600) and names itself there (pid, host name, process start time) and, once it
 * listens, the loopback port and token other processes use to reach it. A lock whose process is
 * gone (same host, pid dead or reused) is taken over under a short second lock, so two
 * processes that both find it stale cannot both take it. The lock also names the store it locks
 * (an id drawn when it is taken, and the folder's real path): a lock that `cp -a` carried into a copy
 * names the original's path, so in the copy it is stale, never a reason to forward to the original.
 */
import { randomBytes } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fsyncDir } from './atomicFile';
import { isAlive } from './processAlive';

export const LOCK_FILE = 'owner.lock';
const TAKEOVER_FILE = 'owner.lock.takeover';
/** A takeover lock older than this was left by a process killed mid-takeover. */
const TAKEOVER_STALE_MS = 10_000;
/** A lock file that is still empty or torn this long after its creation was left by a crash. */
const TORN_LOCK_STALE_MS = 5_000;

export interface LockOwner {
  pid: number;
  hostname: string;
  /** Process start time as the OS reports it (Linux: /proc/<pid>/stat field 22), to detect pid reuse. */
  startTime: string | null;
  startedAt: string;
  port: number | null;
  token: string | null;
  /** The store this lock is for; absent in locks written before it was recorded. */
  store?: StoreIdentity;
}

export interface StoreIdentity {
  /** Drawn when the lock is taken: two lockings of one folder, or a folder and its copy, never share it. */
  id: string;
  /** The data folder's real path (symlinks resolved) as the owner opened it. */
  path: string;
}

/** The real path of a data folder: a folder reached through a symlink is still the same store. */
export function storeRealPath(dataDir: string): Promise<string> {
  return realpath(dataDir);
}

/**
 * True when the lock was written for another folder: a copy (cp -a, rsync, a restored backup) carries the
 * original's lock, naming the original's path. Judged only on the owner's host, where paths mean the same.
 */
export function isCarriedOverLock(owner: LockOwner, storePath: string): boolean {
  return owner.hostname === hostname() && owner.store !== undefined && owner.store.path !== storePath;
}

/** The start time of a process, or null where the OS does not tell (then pid liveness alone decides). */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** True when the lock's process certainly no longer runs (only decidable on the same host). */
export function isDeadOwner(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return false;
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || !isAlive(owner.pid)) return true;
  const now = processStartTime(owner.pid);
  return owner.startTime !== null && now !== null && now !== owner.startTime;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as LockOwner;
    return typeof o.pid === 'number' && typeof o.hostname === 'string' ? o : null;
  } catch {
    return null;
  }
}

export async function readLockOwner(dataDir: string): Promise<LockOwner | null> {
  try {
    return parseOwner(await readFile(join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
}

async function writeExclusive(path: string, text: string): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } catch (e) {
    // E.g. a full disk: leave no empty lock behind for others to wait on.
    await fh.close();
    await rm(path, { force: true });
    throw e;
  }
  await fh.close();
}

export type LockAttempt = { acquired: true; lock: StoreLock } | { acquired: false; owner: LockOwner | null };

export class StoreLock {
  private constructor(
    private readonly dataDir: string,
    private owner: LockOwner,
  ) {}

  get info(): LockOwner {
    return this.owner;
  }

  /** Takes the lock, or reports who holds it (null when its file is being written or unreadable). */
  static async acquire(dataDir: string): Promise<LockAttempt> {
    const storePath = await storeRealPath(dataDir);
    const me: LockOwner = {
      pid: process.pid,
      hostname: hostname(),
      startTime: processStartTime(process.pid),
      startedAt: new Date().toISOString(),
      port: null,
      token: null,
      store: { id: randomUUID(), path: storePath },
    };
    const path = join(dataDir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await writeExclusive(path, JSON.stringify(me));
        await fsyncDir(dataDir);
        return { acquired: true, lock: new StoreLock(dataDir, me) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === null) continue;
      const owner = parseOwner(text);
      const stale = owner
        ? isDeadOwner(owner) || isCarriedOverLock(owner, storePath)
        : await olderThan(path, TORN_LOCK_STALE_MS);
      if (!stale) return { acquired: false, owner };
      await StoreLock.takeOver(dataDir, text);
    }
    return { acquired: false, owner: await readLockOwner(dataDir) };
  }

  /** Removes a stale lock, but only if it still holds exactly what we judged stale. */
  private static async takeOver(dataDir: string, staleText: string): Promise<void> {
    const guard = join(dataDir, TAKEOVER_FILE);
    try {
      await writeExclusive(guard, String(process.pid));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Someone else is taking over; if they died doing it, clear their guard for the next try.
      if (await olderThan(guard, TAKEOVER_STALE_MS)) await rm(guard, { force: true });
      return;
    }
    try {
      const path = join(dataDir, LOCK_FILE);
      const now = await readFile(path, 'utf8').catch(() => null);
      if (now === staleText) await rm(path, { force: true });
    } finally {
      await rm(guard, { force: true });
    }
  }

  /** Writes where this owner listens, so other processes send their calls here. */
  async publish(port: number, token: string): Promise<void> {
    const next: LockOwner = { ...this.owner, port, token };
    const path = join(this.dataDir, LOCK_FILE);
    const tmp = join(this.dataDir, `.${LOCK_FILE}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeExclusive(tmp, JSON.stringify(next));
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    await fsyncDir(this.dataDir);
    this.owner = next;
  }

  /** Releases the lock if it is still ours (it always should be). */
  async release(): Promise<void> {
    const current = await readLockOwner(this.dataDir);
    if (current && current.pid === this.owner.pid && current.startedAt === this.owner.startedAt) {
      await rm(join(this.dataDir, LOCK_FILE), { force: true });
    }
  }
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** One line naming the owner, for messages to the person at the terminal or desk. */
export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return '另一个进程（锁文件正在写入）';
  return `进程 ${owner.pid}（${owner.hostname}，${owner.startedAt} 启动）`;
}
