/** Runs one segment build in a worker thread and resolves with the written files' sizes. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diedMessage, keepStderrTail } from '../workerStderr';
import type { BuildReply, BuildRequest } from './searchBuildWorker';

/** Bundled next to the Electron main script, or booted through tsx from the sources. */
function workerEntry(): URL {
  const bundled = new URL('./searchBuildWorker.js', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./searchBuildWorkerBoot.mjs', import.meta.url);
}

export interface SegmentBuild {
  /** The written files' sizes, once the worker is done. */
  done: Promise<Record<string, number>>;
  /** Ends the worker early (closing the store); `done` then rejects. */
  stop(): Promise<void>;
}

export function runSegmentBuild(req: BuildRequest): SegmentBuild {
  const worker = new Worker(workerEntry(), { workerData: req, stderr: true });
  const stderr = keepStderrTail(worker);
  let stopping = false;
  const done = new Promise<Record<string, number>>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: BuildReply) => {
      settled = true;
      if (reply.ok) resolve(reply.sizes);
      else reject(new Error(`search build failed: ${reply.message}`));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(new Error(`search build worker failed: ${e.stack ?? e.message}`));
    });
    worker.once('exit', (code) => {
      if (settled) return;
      // Stopped on purpose (the store is closing), or died: then with what it printed last.
      if (stopping) return reject(new Error('search build stopped before it finished'));
      const died = () => reject(new Error(diedMessage('search build worker', code, stderr())));
      if (worker.stderr.readableEnded) return died();
      worker.stderr.once('end', died);
      setTimeout(died, 500).unref();
    });
  });
  return {
    done,
    stop: async () => {
      stopping = true;
      await worker.terminate();
    },
  };
}
