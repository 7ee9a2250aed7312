/**
 * Makes a data folder private to the user who owns it: folders 0700, files 0600. New stores are
 * made that way; a store from before is tightened once, at open, by the process that owns it.
 */
import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const OTHERS = 0o077;

async function tighten(path: string, mode: number, uid: number): Promise<void> {
  const st = await lstat(path).catch(() => null);
  // Links are left alone (chmod would follow them out of the store); another user's file is theirs.
  if (!st || st.isSymbolicLink() || st.uid !== uid || (st.mode & OTHERS) === 0) return;
  await chmod(path, mode).catch(() => undefined);
}

/**
 * The store's root is tightened last: a root that is already private means the walk was done
 * (or the store was made private), so an open costs one stat; a walk cut short is redone.
 */
export async function makeStorePrivate(dataDir: string): Promise<void> {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  const root = await lstat(dataDir);
  if (root.uid !== uid || (root.mode & OTHERS) === 0) return;
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await tighten(path, 0o700, uid);
    else if (entry.isFile()) await tighten(path, 0o600, uid);
  }
  await chmod(dataDir, 0o700).catch(() => undefined);
}
