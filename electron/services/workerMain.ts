/** The worker thread's loop: runs one task per message from the pool and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { NewsdeskError } from '../../shared/ipc/errors';
import { WORKER_READY, workerTasks, type WorkerReply, type WorkerRequest } from './workerTasks';

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const task = workerTasks[request.task] as (...args: unknown[]) => unknown;
    reply = { id: request.id, ok: true, value: task(...request.args) };
  } catch (e) {
    const code = e instanceof NewsdeskError ? e.code : undefined;
    reply = { id: request.id, ok: false, message: e instanceof Error ? e.message : String(e), code };
  }
  parentPort?.postMessage(reply);
});

parentPort?.postMessage(WORKER_READY);
