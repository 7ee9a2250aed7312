/**
 * The article index: summaries of every article, kept as a snapshot plus an append-only
 * journal so a save appends one line instead of rewriting a list of 10,000 stories.
 * Article files stay the source of truth: at open, entries whose file changed are re-read.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSummary } from '../../shared/model/article';
import { appendLineDurable, writeFileAtomic } from './atomicFile';

export interface IndexEntry {
  summary: ArticleSummary;
  /** File mtime and size when the summary was taken; a mismatch at open means re-read. */
  mtimeMs: number;
  size: number;
}

interface JournalLine {
  seq: number;
  entry?: IndexEntry;
  removed?: string;
}

interface Snapshot {
  seq: number;
  entries: IndexEntry[];
}

export class ArticleIndex {
  readonly entries = new Map<string, IndexEntry>();
  private seq = 0;
  private journalLines = 0;
  private readonly snapshotFile: string;
  private readonly journalFile: string;

  constructor(dir: string) {
    this.snapshotFile = join(dir, 'articles.snapshot.json');
    this.journalFile = join(dir, 'articles.journal');
  }

  /**
   * Loads snapshot and journal; a torn last journal line (crash mid-append) is ignored.
   * Returns false when the snapshot was missing or damaged: the index cannot be trusted.
   */
  async load(): Promise<boolean> {
    this.entries.clear();
    let snapshotSeq = 0;
    let whole = true;
    try {
      const snap = JSON.parse(await readFile(this.snapshotFile, 'utf8')) as Snapshot;
      snapshotSeq = snap.seq;
      for (const e of snap.entries) this.entries.set(e.summary.id, e);
    } catch {
      // Missing or damaged snapshot: the reconcile pass rebuilds from the article files.
      whole = false;
    }
    this.seq = snapshotSeq;
    let text = '';
    try {
      text = await readFile(this.journalFile, 'utf8');
    } catch {
      text = '';
    }
    this.journalLines = 0;
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      let line: JournalLine;
      try {
        line = JSON.parse(raw) as JournalLine;
      } catch {
        continue;
      }
      this.journalLines++;
      // Lines the snapshot already holds were written before the last compaction.
      if (line.seq <= snapshotSeq) continue;
      if (line.entry) this.entries.set(line.entry.summary.id, line.entry);
      if (line.removed) this.entries.delete(line.removed);
      this.seq = Math.max(this.seq, line.seq);
    }
    return whole;
  }

  async put(entry: IndexEntry): Promise<void> {
    this.entries.set(entry.summary.id, entry);
    await this.append({ seq: ++this.seq, entry });
  }

  async remove(id: string): Promise<void> {
    if (!this.entries.delete(id)) return;
    await this.append({ seq: ++this.seq, removed: id });
  }

  /** Set without journalling; the caller compacts afterwards (used by the reconcile pass). */
  setInMemory(entry: IndexEntry): void {
    this.entries.set(entry.summary.id, entry);
  }

  deleteInMemory(id: string): void {
    this.entries.delete(id);
  }

  /** Writes a snapshot of everything, then empties the journal. Safe to crash between the two. */
  async compact(): Promise<void> {
    const snap: Snapshot = { seq: this.seq, entries: [...this.entries.values()] };
    await writeFileAtomic(this.snapshotFile, JSON.stringify(snap));
    await writeFile(this.journalFile, '');
    this.journalLines = 0;
  }

  private async append(line: JournalLine): Promise<void> {
    await appendLineDurable(this.journalFile, JSON.stringify(line));
    this.journalLines++;
    // Amortised: compaction costs O(n) once every n saves, so a save stays O(1) on average.
    if (this.journalLines > Math.max(2000, this.entries.size)) await this.compact();
  }
}
