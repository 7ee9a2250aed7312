/**
 * Lists a folder and stats every entry on a worker thread: at 60,000 article files the stats take
 * hundreds of milliseconds, which must not hold up the thread that lists the desk and serves saves.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface FolderScan {
  names: string[];
  /** Per name; -1 when the entry vanished or is not a file. */
  mtimeMs: Float64Array;
  size: Float64Array;
}

/**
 * The worker's whole program, plain CommonJS run with `eval`: it needs no bundling and no TypeScript
 * loader, so the app, the CLI and tests start it the same way. Names travel as one string joined by
 * NUL (which no file name contains) and the numbers as transferred buffers: one copy instead of 60,000.
 */
const SCAN_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
try {
  const names = readdirSync(workerData);
  const mtimeMs = new Float64Array(names.length).fill(-1);
  const size = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const st = statSync(join(workerData, names[i]), { throwIfNoEntry: false });
    if (st && st.isFile()) {
      mtimeMs[i] = st.mtimeMs;
      size[i] = st.size;
    }
  }
  parentPort.postMessage({ names: names.join('\\0'), mtimeMs, size }, [mtimeMs.buffer, size.buffer]);
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message || e) });
}
`;

export interface RunningScan {
  done: Promise<FolderScan>;
  /** Ends the worker (the store is closing); `done` then rejects. */
  stop(): Promise<void>;
}

/**
 * Below this many stories the scan runs here, at once: a few thousand stats take milliseconds, less
 * than starting a worker (which a one-shot `newsdesk list` on a small store would pay on every call).
 */
const INLINE_SCAN_LIMIT = 2000;

/** The same scan on this thread. */
export function scanHere(dir: string): FolderScan {
  const names = readdirSync(dir);
  const mtimeMs = new Float64Array(names.length).fill(-1);
  const size = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const st = statSync(join(dir, names[i]!), { throwIfNoEntry: false });
    if (st?.isFile()) {
      mtimeMs[i] = st.mtimeMs;
      size[i] = st.size;
    }
  }
  return { names, mtimeMs, size };
}

/** `expected`: how many stories the index holds, to choose between scanning here and on a worker. */
export function scanFolder(dir: string, expected: number): RunningScan {
  if (expected < INLINE_SCAN_LIMIT) {
    let done: Promise<FolderScan>;
    try {
      done = Promise.resolve(scanHere(dir));
    } catch (e) {
      done = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return { done, stop: async () => {} };
  }
  const worker = new Worker(SCAN_PROGRAM, { eval: true, workerData: dir });
  // A process that only lists (the CLI) must not stay alive for a check nobody waits for.
  worker.unref();
  const done = new Promise<FolderScan>((resolve, reject) => {
    worker.once('message', (m: { names: string; mtimeMs: Float64Array; size: Float64Array } | { error: string }) => {
      void worker.terminate();
      if ('error' in m) return reject(new Error(m.error));
      resolve({ names: m.names ? m.names.split('\0') : [], mtimeMs: m.mtimeMs, size: m.size });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`folder scan stopped (${code})`)));
  });
  return {
    done,
    stop: async () => {
      await worker.terminate();
    },
  };
}
