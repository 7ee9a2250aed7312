/**
 * The packaging worker thread, started on the first export and kept for the next ones (starting
 * it costs more than most exports). Exports queue through it one at a time. From the TypeScript
 * sources (CLI, tests) it loads through tsx; the Electron build bundles it as exportWorker.js.
 */
import { Worker } from 'node:worker_threads';
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { ExportProgress, PackageJob, PackageResult } from './packageJob';
import type { FromWorker, ToWorker } from './workerProtocol';

/** The printed proof and what printed it (the same inputs give the same bytes only with the same engine). */
export interface PrintedProofs {
  pdf: Uint8Array;
  engine: string;
}

export interface PackageRunOptions {
  onProgress?: (p: ExportProgress) => void;
  /** Prints the proof document the export already loaded and measured (a ProofSession). */
  printer?: { print(): Promise<Uint8Array>; engine(): Promise<string> };
}

function startWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const entry = new URL('./exportWorker.ts', self).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./exportWorker.js', self));
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class PackageWorker {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Handlers of the job now running in the worker. */
  private current: { onMessage: (m: FromWorker) => void; onFailure: (e: Error) => void } | null = null;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.unref();
    worker.on('message', (m: FromWorker) => this.current?.onMessage(m));
    const lost = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      this.current?.onFailure(e);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new NewsdeskError('internal', `导出进程意外退出（${code}）。`)));
    this.worker = worker;
    return worker;
  }

  run(job: PackageJob, opts: PackageRunOptions): Promise<PackageResult> {
    const next = this.queue.then(() => this.runNow(job, opts));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private runNow(job: PackageJob, opts: PackageRunOptions): Promise<PackageResult> {
    return new Promise((resolve, reject) => {
      const worker = this.ensure();
      const send = (m: ToWorker) => worker.postMessage(m);
      const done = (fn: () => void) => {
        this.current = null;
        fn();
      };
      this.current = {
        onFailure: (e) => done(() => reject(e)),
        onMessage: (m) => {
          if (m.type === 'progress') opts.onProgress?.(m.progress);
          else if (m.type === 'done') done(() => resolve(m.result));
          else if (m.type === 'failed') {
            const { code, message, ...extra } = m.error;
            done(() => reject(new NewsdeskError(code, message, extra)));
          } else if (m.type === 'print') {
            if (!opts.printer) {
              send({
                type: 'print-failed',
                error: { code: 'internal', message: '没有可用的 PDF 打印器。', exportFailure: { step: 'proof' } },
              });
              return;
            }
            const printer = opts.printer;
            printer.print().then(
              async (pdf) => send({ type: 'printed', pdf, engine: await printer.engine() }),
              (e: unknown) =>
                send({
                  type: 'print-failed',
                  error: { code: 'io', message: `打印版样失败：${errorText(e)}`, exportFailure: { step: 'proof' } },
                }),
            );
          }
        },
      };
      send({ type: 'start', job });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.current = null;
    if (w) await w.terminate();
  }
}
