/**
 * A read-only process's dispatch: only channels known to read pass; every other channel is
 * refused with a typed error naming why. An allow-list, so a channel added later is refused
 * here until someone decides it only reads.
 */
import { isChannel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import type { Dispatch } from '../ipc/registry';

export const READ_CHANNELS: ReadonlySet<string> = new Set([
  'app.info',
  'articles.list',
  'articles.get',
  'search.query',
  'revisions.list',
  'revisions.get',
  'copy.parse',
  'issues.list',
  'issues.get',
  'settings.get',
  // Settings are per user, not part of the store, so a read-only store still lets them change.
  'settings.update',
  'store.health',
  'store.access',
  'stylebook.get',
  'lint.memory',
]);

export function readOnlyDispatch(inner: Dispatch, code: 'read_only' | 'disk_full', message: string): Dispatch {
  return async (channel, payload): Promise<Result<unknown>> => {
    if (typeof channel === 'string' && isChannel(channel) && !READ_CHANNELS.has(channel)) {
      return { ok: false, error: { code, message } };
    }
    return inner(channel, payload);
  };
}
