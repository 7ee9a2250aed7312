/**
 * Temp files left by a killed write, removed at open by the store's owner only (a reader
 * could otherwise delete a save in flight). Every folder the store writes is covered; the
 * per-story revision folders only after an unclean close, the one time they can hold any;
 * articles/ by the article store's check at open, which lists that folder anyway.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFile } from './atomicFile';

const FLAT_FOLDERS = ['.', 'index', 'issues', 'assets', 'quarantine', 'revisions'];

async function cleanFolder(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const doomed = names.filter(isTempFile);
  await Promise.all(doomed.map((n) => rm(join(dir, n), { force: true })));
  return doomed.length;
}

/** Returns how many temp files were removed. */
export async function cleanTempFiles(dataDir: string, opts: { revisionFolders: boolean }): Promise<number> {
  let removed = 0;
  for (const folder of FLAT_FOLDERS) removed += await cleanFolder(join(dataDir, folder));
  if (opts.revisionFolders) {
    const stories = await readdir(join(dataDir, 'revisions')).catch(() => [] as string[]);
    for (const story of stories) {
      if (!isTempFile(story)) removed += await cleanFolder(join(dataDir, 'revisions', story));
    }
  }
  return removed;
}
