/** The packaging worker: builds and writes the zip off the thread that serves saves; asks its parent to print proofs. */
import { parentPort } from 'node:worker_threads';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { buildPackage } from './buildPackage';
import type { PrintedProofs } from './runPackageWorker';
import type { PackageJob } from './packageJob';
import type { FromWorker, ToWorker } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('exportWorker runs only as a worker thread');
const send = (m: FromWorker) => port.postMessage(m);

let printed: ((proofs: PrintedProofs) => void) | null = null;
let printFailed: ((e: NewsdeskError) => void) | null = null;

/** The parent prints: the proof was laid out and measured there before the gate ran. */
function printProofs(_job: PackageJob): Promise<PrintedProofs> {
  return new Promise((resolve, reject) => {
    printed = resolve;
    printFailed = reject;
    send({ type: 'print' });
  });
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'printed') printed?.({ pdf: m.pdf, engine: m.engine });
  else if (m.type === 'print-failed') {
    const { code, message, ...extra } = m.error;
    printFailed?.(new NewsdeskError(code, message, extra));
  } else if (m.type === 'start') {
    buildPackage(m.job, { onProgress: (progress) => send({ type: 'progress', progress }), printProofs }).then(
      (result) => send({ type: 'done', result }),
      (e: unknown) =>
        send({
          type: 'failed',
          error:
            e instanceof NewsdeskError
              ? e.toIpc()
              : { code: 'internal', message: e instanceof Error ? e.message : String(e) },
        }),
    );
  }
});
