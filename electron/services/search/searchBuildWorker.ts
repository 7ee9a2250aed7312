/**
 * The search segment build, run in a worker thread so reading every story file never blocks the
 * thread serving saves. Input: the stories to index, newest first; output: a segment folder.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../../../shared/model/article';
import { searchDocOf } from './searchDoc';
import { joinDoc } from './segmentText';
import { SegmentWriter } from './segmentWriter';

export interface BuildRequest {
  articlesDir: string;
  segmentDir: string;
  ids: string[];
  /**
   * Stories whose current version is a story-pack entry (store/storyPacks.ts): pack file, offset and
   * length. The others are read from their own file in articlesDir.
   */
  packed?: Record<string, [string, number, number]>;
}

export type BuildReply = { ok: true; sizes: Record<string, number> } | { ok: false; message: string };

/** Reads pack entries through one open descriptor per pack (a pull writes hundreds of stories each). */
class PackReader {
  private readonly fds = new Map<string, number>();

  read(file: string, offset: number, length: number): string {
    let fd = this.fds.get(file);
    if (fd === undefined) {
      fd = openSync(file, 'r');
      this.fds.set(file, fd);
    }
    const buf = Buffer.allocUnsafe(length);
    readSync(fd, buf, 0, length, offset);
    return buf.toString('utf8');
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
  }
}

function build(req: BuildRequest): Record<string, number> {
  const writer = new SegmentWriter(req.segmentDir);
  const packs = new PackReader();
  try {
    for (const id of req.ids) add(writer, packs, req, id);
  } finally {
    packs.close();
  }
  return writer.finish();
}

function add(writer: SegmentWriter, packs: PackReader, req: BuildRequest, id: string): void {
  let a: Article;
  try {
    const at = req.packed?.[id];
    // A damaged entry reads as JSON that does not parse or names another story: skipped, as a damaged
    // file is; the store quarantines it when the story is read.
    a = JSON.parse(
      at ? packs.read(at[0], at[1], at[2]) : readFileSync(join(req.articlesDir, `${id}.json`), 'utf8'),
    ) as Article;
  } catch {
    // Gone or unreadable since the list was taken: the store's check at the next start sees it.
    return;
  }
  if (a.status === 'spiked' || a.id !== id || !Array.isArray(a.body)) return;
  writer.add(id, a.revision, joinDoc(searchDocOf(a)));
}

if (parentPort && workerData) {
  let reply: BuildReply;
  try {
    reply = { ok: true, sizes: build(workerData as BuildRequest) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort.postMessage(reply);
}
