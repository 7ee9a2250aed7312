/** Errors as they cross IPC: a closed set of codes the UI turns into words a reporter understands. */
import { z } from 'zod';
import { ArticleSchema } from '../model/article';
import { IssueSchema } from '../model/issue';
import { MoveRefusalSchema } from '../rules/moveRefusal';
import { ExportFailureSchema } from '../export/exportFailure';

export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'io',
  'disk_full',
  'corrupt',
  'unknown_channel',
  'internal',
  // Hardening: another process owns the store and cannot be reached, so this one may only read.
  'read_only',
  // The story was deleted on the newsroom hub; saving it again restores it, so the person is asked first.
  'deleted',
  // The page lost its connection to the Newsdesk service (the browser host stopped or restarted): nothing
  // was read or written, so the UI says 连接中断 and offers a retry, never an empty list. Made by the transport.
  'disconnected',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const IpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** For validation errors: where in the payload, e.g. "content.headline". */
  path: z.string().optional(),
  /** For conflicts on an article: the newer version that won. */
  currentRevision: z.number().int().optional(),
  current: ArticleSchema.optional(),
  /** For conflicts on an issue plan: the newer plan that won. */
  currentIssue: IssueSchema.optional(),
  /** For a refused workflow move: why, as data (every missing item), so the UI words it in its language. */
  refusal: MoveRefusalSchema.optional(),
  /** For a failed export: which step, and the story, photo or file it failed on. */
  exportFailure: ExportFailureSchema.optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by services; the registry turns it into `{ ok: false, error }`. */
export class NewsdeskError extends Error {
  readonly code: ErrorCode;
  readonly extra: Omit<IpcError, 'code' | 'message'>;
  constructor(code: ErrorCode, message: string, extra: Omit<IpcError, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'NewsdeskError';
    this.code = code;
    this.extra = extra;
  }
  toIpc(): IpcError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export function isNewsdeskError(e: unknown): e is NewsdeskError {
  return e instanceof NewsdeskError;
}
