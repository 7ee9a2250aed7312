/**
 * The HTTP status for a registry result: the body is always the typed `{ ok, error }`, and the
 * status says the same for clients that look only at it. Every invalid request is a 4xx; only
 * the machine's own trouble (disk, I/O, a bug) is a 5xx.
 */
import type { ErrorCode, Result } from '../../shared/ipc/errors';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unknown_channel: 404,
  not_found: 404,
  conflict: 409,
  deleted: 410,
  forbidden: 403,
  read_only: 403,
  corrupt: 422,
  disk_full: 507,
  io: 500,
  internal: 500,
  disconnected: 503,
};

export function statusForResult(result: Result<unknown>): number {
  return result.ok ? 200 : STATUS[result.error.code];
}
