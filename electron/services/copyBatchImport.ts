/**
 * Importing many raw-copy files at once, with progress and cancel. Each file becomes one story in one
 * atomic create, and a cancel is honoured only between files, so a cancelled import never leaves half
 * a story: the files before it are whole drafts, the rest were not touched.
 */
import { NewsdeskError } from '../../shared/ipc/errors';

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
}

/** Stories created at the same time within a batch; a cancel waits for these to finish whole. */
const PARALLEL = 16;

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

  /** Imports each file with `importOne` (parse and create one draft). */
  async run(
    batchId: string,
    files: CopyFile[],
    importOne: (text: string) => Promise<{ id: string }>,
  ): Promise<BatchResult> {
    if (this.running.has(batchId)) throw new NewsdeskError('validation', `导入批次 ${batchId} 已在进行。`);
    this.running.add(batchId);
    const result: BatchResult = { ids: [], cancelled: false, failed: [] };
    try {
      let done = 0;
      // A few stories at once: their fsyncs overlap in the thread pool instead of queueing one by one.
      for (let i = 0; i < files.length; i += PARALLEL) {
        if (this.cancelled.has(batchId)) {
          result.cancelled = true;
          break;
        }
        const chunk = files.slice(i, i + PARALLEL);
        const outcomes = await Promise.allSettled(chunk.map((file) => importOne(file.text)));
        outcomes.forEach((o, k) => {
          const file = chunk[k]!;
          if (o.status === 'fulfilled') result.ids.push(o.value.id);
          // One unreadable file (empty, too long) is reported; the others still come in.
          else if (o.reason instanceof NewsdeskError && o.reason.code === 'validation')
            result.failed.push({ name: file.name, message: o.reason.message });
          else throw o.reason;
          const progress: ImportProgress = { batchId, done: ++done, total: files.length, name: file.name };
          for (const listener of this.listeners) listener(progress);
        });
      }
    } finally {
      this.running.delete(batchId);
      this.cancelled.delete(batchId);
    }
    return result;
  }
}
