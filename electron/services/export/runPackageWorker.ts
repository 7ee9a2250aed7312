/**
 * Runs the packaging worker for one export. From the TypeScript sources (CLI, tests) the worker
 * loads through tsx; the Electron build bundles it as exportWorker.js next to main.js.
 */
import { Worker } from 'node:worker_threads';
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { ExportProgress, PackageJob, PackageResult } from './packageJob';
import type { FromWorker, ToWorker } from './workerProtocol';

export interface ProofPrinter {
  /** The proof document (standalone HTML, one printed page per plan page) as PDF. */
  print(html: string): Promise<Uint8Array>;
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

export function runPackageWorker(
  job: PackageJob,
  opts: { onProgress?: (p: ExportProgress) => void; printer?: ProofPrinter },
): Promise<PackageResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker();
    const send = (m: ToWorker) => worker.postMessage(m);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') opts.onProgress?.(m.progress);
      else if (m.type === 'done') finish(() => resolve(m.result));
      else if (m.type === 'failed') finish(() => reject(new NewsdeskError(m.error.code, m.error.message)));
      else if (m.type === 'print') {
        if (!opts.printer) {
          send({ type: 'print-failed', error: { code: 'internal', message: '没有可用的 PDF 打印器。' } });
          return;
        }
        opts.printer.print(m.html).then(
          (pdf) => send({ type: 'printed', pdf }),
          (e: unknown) =>
            send({
              type: 'print-failed',
              error: { code: 'io', message: `打印版样失败：${e instanceof Error ? e.message : String(e)}` },
            }),
        );
      }
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new NewsdeskError('internal', `导出进程意外退出（${code}）。`))));
    send({ type: 'start', job });
  });
}
