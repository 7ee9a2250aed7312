/**
 * The handler registry: validates a channel's request against the contract, runs its
 * handler and returns `{ ok, value }` or a typed `{ ok: false, error }`. Never throws,
 * so no transport can crash on bad input.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { NewsdeskError, type IpcError, type Result } from '../../shared/ipc/errors';
import { toNewsdeskError } from '../services/fsErrors';

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

function describeIssue(error: z.ZodError): { message: string; path: string } {
  const first = error.issues[0];
  const path = first ? first.path.map(String).join('.') : '';
  return { message: `请求无效${path ? `（${path}）` : ''}：${first?.message ?? 'invalid'}`, path };
}

export interface DispatchOptions {
  /** Called with unexpected failures (bugs), which the caller sees as `internal`. */
  onInternalError?: (channel: string, error: unknown) => void;
}

export function createDispatch(handlers: Handlers, opts: DispatchOptions = {}): Dispatch {
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return fail({ code: 'unknown_channel', message: `没有这个接口：${String(channel)}` });
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) return fail({ code: 'validation', ...describeIssue(parsed.error) });
    try {
      const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        opts.onInternalError?.(channel, checked.error);
        return fail({ code: 'internal', message: `内部错误：${channel} 的返回值不符合约定。` });
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      if (e instanceof NewsdeskError) return fail(e.toIpc());
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fail(toNewsdeskError(e, '数据').toIpc());
      opts.onInternalError?.(channel, e);
      return fail({ code: 'internal', message: `内部错误：${e instanceof Error ? e.message : String(e)}` });
    }
  };
}

function fail(error: IpcError): Result<never> {
  return { ok: false, error };
}
