/** The tasks the worker pool runs: pure functions of their arguments, with their message shapes. */
import type { ErrorCode } from '../../shared/ipc/errors';
import { parseCopy, parseCopyDetailed, parsedCopyToContent } from '../../shared/rules/parseCopy';
import { copyPreviewOf } from '../../shared/rules/copy/copyPreview';

type ParseOptions = Parameters<typeof parseCopy>[1];

export const workerTasks = {
  parseCopy: (text: string, opts: ParseOptions) => parseCopy(text, opts),
  copyToContent: (text: string, opts: ParseOptions) => parsedCopyToContent(parseCopyDetailed(text, opts)),
  copyPreview: (text: string, opts: ParseOptions) => copyPreviewOf(text, opts),
};

export type WorkerTasks = typeof workerTasks;

export interface WorkerRequest {
  id: number;
  task: keyof WorkerTasks;
  args: unknown[];
}

/** Posted once by a worker when its code has loaded, so a death before it counts as a failed boot. */
export const WORKER_READY = 'newsdesk-worker-ready';

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; code?: ErrorCode };
