/**
 * The article index: what the desk lists, filters and sorts by, for every article, kept as a snapshot
 * plus an append-only journal so a save appends one line instead of rewriting a list of 60,000 stories.
 * The snapshot holds plain columns (fast to parse at open) and points at a file of whole summaries that
 * are read only for the stories shown. Article files stay the source of truth: at open, entries whose
 * file changed are re-read.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSummary } from '../../../shared/model/article';
import { appendLineDurable, appendLinesDurable, writeFileAtomic } from '../atomicFile';
import { decodeColumnsFile, encodeColumnsFile } from './articleColumnsFile';
import { newestFirst } from './articleListing';
import { decodeColumns, IndexRows, type IndexEntry, type RowColumns, type TextColumns } from './articleRows';

export type { IndexEntry } from './articleRows';

interface JournalLine {
  seq: number;
  entry?: IndexEntry;
  removed?: string;
}

interface Snapshot {
  format: 3;
  seq: number;
  /** File of the summaries in row order, one JSON line each; its name carries the snapshot's seq. */
  summaries: string;
  /** File of every column (articleColumnsFile.ts), named like the summaries; rows newest first. */
  columns: string;
}

/** The snapshot with its text columns in this JSON; still read so an upgrade keeps its index. */
interface SnapshotV2 {
  format: 2;
  seq: number;
  summaries: string;
  numbers: string;
  cols: TextColumns;
}

/** The snapshot before columns (one JSON array of entries); still read so an upgrade keeps its index. */
interface SnapshotV1 {
  seq: number;
  entries: IndexEntry[];
}

const SUMMARIES_PREFIX = 'articles.summaries.';
/** Summaries closer than this in the file are read together, gap included. */
const READ_SPAN_GAP = 64 * 1024;

export class ArticleIndex {
  readonly rows = new IndexRows((rowList) => this.readSummaries(rowList));
  private seq = 0;
  private journalLines = 0;
  /** Set when the in-memory index differs from the snapshot on disk. */
  private dirty = false;
  private summariesFile = '';
  private sumOff: ArrayLike<number> = [];
  private sumLen: ArrayLike<number> = [];
  private readonly snapshotFile: string;
  private readonly journalFile: string;

  constructor(private readonly dir: string) {
    this.snapshotFile = join(dir, 'articles.snapshot.json');
    this.journalFile = join(dir, 'articles.journal');
  }

  get size(): number {
    return this.rows.size;
  }

  /**
   * Loads snapshot and journal; a torn last journal line (crash mid-append) is ignored.
   * Returns false when the snapshot was missing or damaged: the index cannot be trusted.
   */
  async load(): Promise<boolean> {
    this.rows.clear();
    let snapshotSeq = 0;
    let whole = true;
    try {
      // Read in one go (nothing is served before the store opens): a 10 MB file in 512 KB async chunks
      // waits on the thread pool twenty times.
      const snap = JSON.parse(readFileSync(this.snapshotFile, 'utf8')) as Snapshot | SnapshotV2 | SnapshotV1;
      snapshotSeq = snap.seq;
      if ('entries' in snap) {
        for (const e of snap.entries) this.rows.put(e);
        this.dirty = true;
      } else if (snap.format === 3) {
        const { cols, sumLen } = decodeColumnsFile(readFileSync(join(this.dir, snap.columns)));
        this.useSnapshot(cols, snap.summaries, sumLen);
      } else {
        const { cols, sumLen } = decodeColumns(snap.cols, await readFile(join(this.dir, snap.numbers)));
        this.useSnapshot(cols, snap.summaries, sumLen);
        // Rewritten in the current format at the next compaction (at the latest, a clean close).
        this.dirty = true;
      }
    } catch {
      // Missing or damaged snapshot: the reconcile pass rebuilds from the article files.
      this.rows.clear();
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
      if (line.entry) this.rows.put(line.entry);
      if (line.removed) this.rows.remove(line.removed);
      this.seq = Math.max(this.seq, line.seq);
      this.dirty = true;
    }
    return whole;
  }

  /**
   * Reads the summaries of rows that came from the snapshot (rows added since hold theirs in memory).
   * Rows near each other in the file come in one read: a desk page in the default order is one stretch.
   */
  private readSummaries(rowList: number[]): ArticleSummary[] {
    const byOffset = [...rowList].sort((a, b) => this.sumOff[a]! - this.sumOff[b]!);
    const read = new Map<number, ArticleSummary>();
    const fd = openSync(this.summariesFile, 'r');
    try {
      for (let i = 0; i < byOffset.length;) {
        const from = this.sumOff[byOffset[i]!]!;
        let to = from + this.sumLen[byOffset[i]!]!;
        let j = i;
        while (j + 1 < byOffset.length && this.sumOff[byOffset[j + 1]!]! - to < READ_SPAN_GAP) {
          j++;
          to = Math.max(to, this.sumOff[byOffset[j]!]! + this.sumLen[byOffset[j]!]!);
        }
        const buf = Buffer.allocUnsafe(to - from);
        readSync(fd, buf, 0, to - from, from);
        for (; i <= j; i++) {
          const at = this.sumOff[byOffset[i]!]! - from;
          read.set(
            byOffset[i]!,
            JSON.parse(buf.toString('utf8', at, at + this.sumLen[byOffset[i]!]!)) as ArticleSummary,
          );
        }
      }
    } finally {
      closeSync(fd);
    }
    return rowList.map((row) => read.get(row)!);
  }

  async put(entry: IndexEntry): Promise<void> {
    this.rows.put(entry);
    this.dirty = true;
    await this.append({ seq: ++this.seq, entry });
  }

  /**
   * A group commit's entries: one journal write and one fsync for all of them. `durable: false` skips
   * the fsync, for a batch whose story files are themselves covered by a batch journal: lines lost to a
   * power loss are found again by the check at open, which takes in every file the index does not match.
   */
  async putMany(entries: readonly IndexEntry[], opts: { durable?: boolean } = {}): Promise<void> {
    if (entries.length === 0) return;
    const lines = entries.map((entry) => {
      this.rows.put(entry);
      return JSON.stringify({ seq: ++this.seq, entry } satisfies JournalLine);
    });
    this.dirty = true;
    await this.appendMany(lines, opts.durable ?? true);
  }

  async remove(id: string): Promise<void> {
    if (!this.rows.remove(id)) return;
    this.dirty = true;
    await this.append({ seq: ++this.seq, removed: id });
  }

  /** Set without journalling; the caller compacts afterwards (used by the reconcile pass). */
  setInMemory(entry: IndexEntry): void {
    this.rows.put(entry);
    this.dirty = true;
  }

  deleteInMemory(id: string): void {
    if (this.rows.remove(id)) this.dirty = true;
  }

  /**
   * Writes a snapshot of everything, then empties the journal. Safe to crash between any two steps:
   * the summaries file is new (named by seq) and only the snapshot's atomic rename makes it current.
   */
  async compact(): Promise<void> {
    if (!this.dirty && this.journalLines === 0) return;
    // Rows newest first: the desk's default order is then already sorted, and sorting it at open is linear.
    const { cols, order } = this.rows.columns(newestFirst(this.rows));
    // Summaries never read since open are copied as bytes from the old file instead of parsed.
    const old = this.summariesFile ? await readFile(this.summariesFile).catch(() => null) : null;
    const sumLen: number[] = [];
    const parts: Buffer[] = [];
    for (const row of order) {
      const cached = this.rows.cachedSummary(row);
      const line =
        !cached && old && row < this.sumLen.length
          ? old.subarray(this.sumOff[row]!, this.sumOff[row]! + this.sumLen[row]!)
          : Buffer.from(`${JSON.stringify(cached ?? this.rows.summaryAt(row))}\n`);
      parts.push(line);
      sumLen.push(line.length);
    }
    const stem = `${SUMMARIES_PREFIX}${this.seq}.${Date.now().toString(36)}`;
    const name = `${stem}.ndjson`;
    await writeFileAtomic(join(this.dir, name), Buffer.concat(parts));
    await writeFileAtomic(join(this.dir, `${stem}.cols`), encodeColumnsFile(cols, sumLen));
    const snap: Snapshot = { format: 3, seq: this.seq, summaries: name, columns: `${stem}.cols` };
    await writeFileAtomic(this.snapshotFile, JSON.stringify(snap));
    await writeFile(this.journalFile, '', { mode: 0o600 });
    this.journalLines = 0;
    this.dirty = false;
    // Renumbered without the removed rows; summaries are read from the new file from now on.
    this.useSnapshot(cols, name, sumLen);
    for (const f of await readdir(this.dir)) {
      if (f.startsWith(SUMMARIES_PREFIX) && !f.startsWith(`${stem}.`)) await rm(join(this.dir, f), { force: true });
    }
  }

  private useSnapshot(cols: RowColumns, summaries: string, sumLen: ArrayLike<number>): void {
    this.rows.loadColumns(cols);
    this.summariesFile = join(this.dir, summaries);
    this.sumLen = sumLen;
    const sumOff = new Float64Array(sumLen.length);
    let at = 0;
    for (let i = 0; i < sumLen.length; i++) {
      sumOff[i] = at;
      at += sumLen[i]!;
    }
    this.sumOff = sumOff;
  }

  private async appendMany(lines: string[], durable: boolean): Promise<void> {
    if (durable) await appendLinesDurable(this.journalFile, lines);
    else await appendFile(this.journalFile, lines.map((l) => `${l}\n`).join(''), { mode: 0o600 });
    this.journalLines += lines.length;
    if (this.journalLines > Math.max(2000, this.rows.size)) await this.compact();
  }

  private async append(line: JournalLine): Promise<void> {
    await appendLineDurable(this.journalFile, JSON.stringify(line));
    this.journalLines++;
    // Amortised: compaction costs O(n) once every n saves, so a save stays O(1) on average.
    if (this.journalLines > Math.max(2000, this.rows.size)) await this.compact();
  }
}
