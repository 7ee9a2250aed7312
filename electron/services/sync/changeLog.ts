/**
 * The local change log: one durable line per local edit (`{seq, id}`), appended before the
 * article file is written, so a push resuming from its checkpoint can never miss an edit.
 * A line whose write then failed only makes the push look at a file that did not change.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendLinesDurable } from '../atomicFile';

export class ChangeLog {
  private readonly file: string;
  private seq = 0;
  private tail: Promise<void> = Promise.resolve();

  private constructor(dir: string) {
    this.file = join(dir, 'changes.jsonl');
  }

  static async open(dir: string): Promise<ChangeLog> {
    const log = new ChangeLog(dir);
    for (const row of await log.read()) log.seq = Math.max(log.seq, row.seq);
    return log;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Appends in order even when several stories are saved at once. */
  record(id: string): Promise<void> {
    return this.recordMany([id]);
  }

  /** One line per story with one write and one fsync (a group commit), in order with other appends. */
  recordMany(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    const lines = ids.map((id) => JSON.stringify({ seq: ++this.seq, id }));
    const next = this.tail.then(() => appendLinesDurable(this.file, lines));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<{ seq: number; id: string }[]> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    const rows: { seq: number; id: string }[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        rows.push(JSON.parse(line) as { seq: number; id: string });
      } catch {
        // A torn last line from a crash mid-append: its file write never started.
      }
    }
    return rows;
  }

  /** Story ids changed after `since`, each once, oldest change first. */
  async since(since: number): Promise<{ ids: string[]; upTo: number }> {
    await this.tail;
    const ids = new Set<string>();
    let upTo = since;
    for (const row of await this.read()) {
      if (row.seq <= since) continue;
      ids.delete(row.id);
      ids.add(row.id);
      upTo = Math.max(upTo, row.seq);
    }
    return { ids: [...ids], upTo };
  }
}
