/**
 * Importing many raw-copy files at once, with progress and cancel. The files are parsed on a worker and
 * written in group commits of BATCH stories (one fsync per file and per folder, not per story); a
 * cancel is honoured only between batches, so a cancelled import never leaves half a story: the
 * stories before it are whole drafts, the rest were not touched.
 */
import { NewsdeskError } from '../../shared/ipc/errors';
import { cleanForeignText } from '../../shared/rules/unsafeText';
import type { NewArticle } from './store/articleStore';

export interface CopyFile {
  name: string;
  text: string;
}

export interface ImportProgress {
  batchId: string;
  done: number;
  total: number;
  /** The file just handled. */
  name: string;
}

export interface BatchResult {
  ids: string[];
  cancelled: boolean;
  failed: { name: string; message: string }[];
  /** Files whose control characters were removed before parsing; only present when some were. */
  cleaned?: { name: string; removed: number; codePoints: string[] }[];
}

/**
 * Stories per group commit: large enough that the per-batch fsyncs (change log, index journal, the
 * two folders) cost little per story, small enough that a cancel or a save of another story waits
 * a fraction of a second.
 */
const BATCH = 64;

/** How a batch import parses and writes; the desk's comes from copyImport.ts. */
export interface CopyImporter {
  /** One file's story; a `validation` error reports the file and skips it. */
  parse: (text: string) => Promise<NewArticle>;
  /** Writes the parsed stories in one group commit, with one outcome per story. */
  createMany: (stories: NewArticle[]) => Promise<({ ok: true; id: string } | { ok: false; error: unknown })[]>;
}

type ProgressListener = (p: ImportProgress) => void;

export class CopyBatches {
  private readonly cancelled = new Set<string>();
  private readonly running = new Set<string>();
  private readonly listeners = new Set<ProgressListener>();

  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks a running batch to stop after the file it is on; false when no such batch runs. */
  cancel(batchId: string): boolean {
    if (!this.running.has(batchId)) return false;
    this.cancelled.add(batchId);
    return true;
  }

  /** Imports each file as a new draft, parsing the next batch while the current one is written. */
  async run(batchId: string, files: CopyFile[], importer: CopyImporter): Promise<BatchResult> {
    if (this.running.has(batchId)) throw new NewsdeskError('validation', `导入批次 ${batchId} 已在进行。`);
    this.running.add(batchId);
    const result: BatchResult = { ids: [], cancelled: false, failed: [] };
    const cleaned: NonNullable<BatchResult['cleaned']> = [];
    const parseBatch = (from: number) =>
      Promise.allSettled(
        files.slice(from, from + BATCH).map((file) => {
          // Control characters are removed here, before the parser sees them, and the result names the file.
          const clean = cleanForeignText(file.text);
          if (clean.removed) cleaned.push({ name: file.name, removed: clean.removed, codePoints: clean.codePoints });
          return importer.parse(clean.text);
        }),
      );
    let parsing = files.length > 0 ? parseBatch(0) : null;
    try {
      let done = 0;
      for (let i = 0; i < files.length; i += BATCH) {
        const parsed = await parsing!;
        // Parsed ahead while this batch is written; after a cancel it is simply never written.
        parsing = i + BATCH < files.length ? parseBatch(i + BATCH) : null;
        if (this.cancelled.has(batchId)) {
          result.cancelled = true;
          break;
        }
        const stories = parsed.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
        const written = await importer.createMany(stories);
        let w = 0;
        parsed.forEach((p, k) => {
          const file = files[i + k]!;
          const outcome = p.status === 'fulfilled' ? written[w++]! : { ok: false as const, error: p.reason };
          if (outcome.ok) result.ids.push(outcome.id);
          // One unreadable file (empty, too long) is reported; the others still come in.
          else if (outcome.error instanceof NewsdeskError && outcome.error.code === 'validation')
            result.failed.push({ name: file.name, message: outcome.error.message });
          else throw outcome.error;
          const progress: ImportProgress = { batchId, done: ++done, total: files.length, name: file.name };
          for (const listener of this.listeners) listener(progress);
        });
      }
    } finally {
      this.running.delete(batchId);
      this.cancelled.delete(batchId);
    }
    return cleaned.length ? { ...result, cleaned } : result;
  }
}
