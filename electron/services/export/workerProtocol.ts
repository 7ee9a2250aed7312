/** Messages between the export orchestrator and its packaging worker. */
import type { IpcError } from '../../../shared/ipc/errors';
import type { ExportProgress, PackageJob, PackageResult } from './packageJob';

export type ToWorker =
  | { type: 'start'; job: PackageJob }
  | { type: 'printed'; pdf: Uint8Array; engine: string }
  | { type: 'print-failed'; error: IpcError };

export type FromWorker =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'print' }
  | { type: 'done'; result: PackageResult }
  | { type: 'failed'; error: IpcError };
