/**
 * A small pool of worker threads for long, pure work (parsing raw copy; later exports and
 * index builds), so the thread that serves saves never waits behind it. Tasks queue when every
 * worker is busy; a worker that dies is replaced and its task fails with a clear error.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NewsdeskError } from '../../shared/ipc/errors';
import type { WorkerReply, WorkerRequest, WorkerTasks } from './workerTasks';

interface Job {
  request: WorkerRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/**
 * The worker's entry: the bundled JavaScript next to this file in a build, or the TypeScript
 * source through tsx when running from source (CLI, tests, bench).
 */
function spawnWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./workerMain.js', here));
  const entry = new URL('./workerMain.ts', here).href;
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Tasks started and not yet finished, for tests that check work really runs off this thread. */
  running = 0;

  constructor(private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1))) {}

  /** Runs a task on a worker; a NewsdeskError thrown there arrives here with its code. */
  run<K extends keyof WorkerTasks>(task: K, ...args: Parameters<WorkerTasks[K]>): Promise<ReturnType<WorkerTasks[K]>> {
    if (this.closed) return Promise.reject(new NewsdeskError('io', '后台任务已停止。'));
    return new Promise((resolve, reject) => {
      const request: WorkerRequest = { id: this.nextId++, task, args };
      this.queue.push({ request, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
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
    const slot: Slot = { worker: spawnWorker(), job: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      slot.job = null;
      this.running--;
      slot.worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reply.code ? new NewsdeskError(reply.code, reply.message) : new Error(reply.message));
      this.pump();
    });
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      if (slot.job) {
        this.running--;
        slot.job.reject(error);
        slot.job = null;
      }
      if (!this.closed) this.pump();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
