/**
 * The search segment build, run in a worker thread so reading every story file never blocks the
 * thread serving saves. Input: the stories to index, newest first; output: a segment folder.
 */
import { readFileSync } from 'node:fs';
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
}

export type BuildReply = { ok: true; sizes: Record<string, number> } | { ok: false; message: string };

function build(req: BuildRequest): Record<string, number> {
  const writer = new SegmentWriter(req.segmentDir);
  for (const id of req.ids) {
    let a: Article;
    try {
      a = JSON.parse(readFileSync(join(req.articlesDir, `${id}.json`), 'utf8')) as Article;
    } catch {
      // Gone or unreadable since the list was taken: the store's check at the next start sees it.
      continue;
    }
    if (a.status === 'spiked' || a.id !== id || !Array.isArray(a.body)) continue;
    writer.add(id, a.revision, joinDoc(searchDocOf(a)));
  }
  return writer.finish();
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
