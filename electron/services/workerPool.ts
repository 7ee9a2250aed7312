/**
 * A small pool of worker threads for long, pure work (parsing raw copy; later exports and
 * index builds), so the thread that serves saves never waits behind it. Tasks queue when every
 * worker is busy; a worker that dies is replaced and its task fails with the worker's own error.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NewsdeskError } from '../../shared/ipc/errors';
import { WORKER_READY, type WorkerReply, type WorkerRequest, type WorkerTasks } from './workerTasks';
import { diedMessage, keepStderrTail } from './workerStderr';

interface Job {
  request: WorkerRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Already given to a worker that died before its code loaded: a second such death fails the job. */
  retried: boolean;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** The worker's code has loaded (it posted WORKER_READY). */
  booted: boolean;
  stderr: () => string;
  /** Set once the first 'error' or 'exit' has been handled; the other one is ignored. */
  gone: boolean;
}

/**
 * The worker's entry: the bundled JavaScript next to this file in a build, or the TypeScript
 * source through tsx when running from source (CLI, tests, bench). `entry` replaces it (tests).
 */
function spawnWorker(entry: URL | undefined): Worker {
  if (entry) return new Worker(entry, { stderr: true });
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./workerMain.js', here), { stderr: true });
  const main = new URL('./workerMain.ts', here).href;
  // A boot failure is printed before the worker ends, so the pool can quote it (an unhandled
  // rejection in eval'd code would otherwise leave only an exit code).
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(main)}); }).catch((e) => { console.error('worker boot failed:', e && e.stack || e); process.exit(1); })`;
  return new Worker(code, { eval: true, stderr: true });
}

export interface WorkerPoolOptions {
  size?: number;
  /** Another worker script (tests: one that fails at boot); it must post WORKER_READY like workerMain. */
  entry?: URL;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly size: number;
  private readonly entry: URL | undefined;
  /** Tasks started and not yet finished, for tests that check work really runs off this thread. */
  running = 0;
  /** Workers started so far (tests: a boot failure is retried on a fresh one). */
  spawned = 0;

  constructor(opts: WorkerPoolOptions | number = {}) {
    const o = typeof opts === 'number' ? { size: opts } : opts;
    this.size = o.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.entry = o.entry;
  }

  /** Runs a task on a worker; a NewsdeskError thrown there arrives here with its code. */
  run<K extends keyof WorkerTasks>(task: K, ...args: Parameters<WorkerTasks[K]>): Promise<ReturnType<WorkerTasks[K]>> {
    if (this.closed) return Promise.reject(new NewsdeskError('io', '后台任务已停止。'));
    return new Promise((resolve, reject) => {
      const request: WorkerRequest = { id: this.nextId++, task, args };
      this.queue.push({ request, resolve: resolve as (v: unknown) => void, reject, retried: false });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.addSlot();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      this.running++;
      // A busy worker keeps the process alive (a CLI waiting for a parse); an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  private addSlot(): Slot {
    const worker = spawnWorker(this.entry);
    this.spawned++;
    const slot: Slot = { worker, job: null, booted: false, stderr: keepStderrTail(worker), gone: false };
    worker.unref();
    worker.on('message', (reply: WorkerReply | typeof WORKER_READY) => {
      if (reply === WORKER_READY) {
        slot.booted = true;
        return;
      }
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      slot.job = null;
      this.running--;
      worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reply.code ? new NewsdeskError(reply.code, reply.message) : new Error(reply.message));
      this.pump();
    });
    const fail = (reason: string) => {
      if (slot.gone) return;
      slot.gone = true;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      const job = slot.job;
      slot.job = null;
      if (job) {
        this.running--;
        if (this.closed) job.reject(new NewsdeskError('io', `后台任务已停止：工作线程随程序关闭而结束（${reason}）。`));
        else if (!slot.booted && !job.retried) {
          // Died while loading its code (not because of this task): once more on a fresh worker.
          console.error(`[newsdesk] worker died at boot, retrying ${job.request.task} once: ${reason}`);
          job.retried = true;
          this.queue.unshift(job);
        } else job.reject(new Error(`${job.request.task}: ${slot.booted ? '' : 'at boot: '}${reason}`));
      }
      this.pump();
    };
    // An uncaught error in the worker arrives here with its message and is followed by 'exit'.
    worker.on('error', (e: Error) => fail(`worker failed: ${e.stack ?? e.message}`));
    worker.on('exit', (code) => {
      // The stderr stream may still hold the last lines; read them once it has ended.
      const died = () => fail(diedMessage('worker', code, slot.stderr()));
      if (worker.stderr.readableEnded) return died();
      worker.stderr.once('end', died);
      setTimeout(died, 500).unref();
    });
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new NewsdeskError('io', '后台任务已停止。'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
