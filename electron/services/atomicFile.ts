/**
 * Durable file writes: temp file, fsync, rename, fsync the folder. A crash at any point
 * leaves either the old or the new file whole, never an empty or half-written one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function fsyncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e;
  } finally {
    await fh?.close();
  }
}

/** Files are the user's own (0600) unless a caller says otherwise: other local users read nothing of the store. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const staged = await stageFile(path, data, mode);
  try {
    await rename(staged.tmp, path);
  } catch (e) {
    await rm(staged.tmp, { force: true });
    throw e;
  }
  await fsyncDir(dirname(path));
}

/** A file's next content written and fsynced beside it under a temp name, not yet in place. */
export interface StagedFile {
  path: string;
  tmp: string;
}

/**
 * The first half of an atomic write, for group commits: the data is durable under a temp name
 * (which the owner removes at the next open if this process dies), so many files can be staged
 * at once and then renamed, with one fsync per folder instead of one per file.
 */
export async function stageFile(path: string, data: string | Uint8Array, mode = 0o600): Promise<StagedFile> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', mode);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { path, tmp };
}

/** Removes staged files that will not be renamed (a batch that failed before its renames). */
export async function discardStaged(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
}

/**
 * Waits for every write of a batch, then throws the first failure: a failed batch never returns
 * while some of its writes are still landing.
 */
export async function settleAll<T>(writes: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(writes);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** Appends one line and fsyncs it, for the store's index journal. */
export async function appendLineDurable(path: string, line: string): Promise<void> {
  await appendLinesDurable(path, [line]);
}

/** Appends several lines with one write and one fsync (a group commit's journal and change-log lines). */
export async function appendLinesDurable(path: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const fh = await open(path, 'a', 0o600);
  try {
    await fh.writeFile(lines.map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join(''));
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Temp files left by a crash mid-write; safe to delete at open because they were never renamed. */
export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}
