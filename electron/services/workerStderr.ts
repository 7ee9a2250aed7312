/** Keeps the tail of a worker thread's stderr (still shown on ours), so a worker that dies can say why. */
import type { Worker } from 'node:worker_threads';

const KEEP = 4000;

/** The worker must be started with `stderr: true`; returns a reader of its last few thousand characters. */
export function keepStderrTail(worker: Worker): () => string {
  let tail = '';
  worker.stderr.setEncoding('utf8');
  worker.stderr.on('data', (chunk: string) => {
    process.stderr.write(chunk);
    tail = (tail + chunk).slice(-KEEP);
  });
  return () => tail.trim();
}

/** "worker exited (1)" plus what the worker printed last, if anything. */
export function diedMessage(what: string, code: number, stderr: string): string {
  return stderr ? `${what} exited (${code}): ${stderr}` : `${what} exited (${code}) without printing a reason`;
}
