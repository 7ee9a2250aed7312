/**
 * The article folder's modification time, recorded at a clean close. A folder's mtime changes whenever
 * a file is created, renamed into it or removed, so an unchanged stamp lets a trusted open skip listing
 * 60,000 file names (files changed in place are already left to the index when it is trusted).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicFile';

const STAMP_FILE = 'articles.folder.json';

export async function folderUnchanged(indexDir: string, folder: string): Promise<boolean> {
  try {
    const recorded = JSON.parse(await readFile(join(indexDir, STAMP_FILE), 'utf8')) as { mtimeMs: number };
    return recorded.mtimeMs === (await stat(folder)).mtimeMs;
  } catch {
    return false;
  }
}

export async function recordFolder(indexDir: string, folder: string): Promise<void> {
  await writeFileAtomic(join(indexDir, STAMP_FILE), JSON.stringify({ mtimeMs: (await stat(folder)).mtimeMs }));
}
