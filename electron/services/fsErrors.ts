/** Maps Node file-system failures onto the contract's error codes, so a full disk reads as one. */
import { NewsdeskError } from '../../shared/ipc/errors';

/** ENOSPC or EDQUOT: no room left on the disk (or in the user's quota). */
export function isDiskFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || (e instanceof NewsdeskError && e.code === 'disk_full');
}

export function toNewsdeskError(e: unknown, what: string): NewsdeskError {
  if (e instanceof NewsdeskError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new NewsdeskError('disk_full', `磁盘已满，${what}未能保存；已保存的内容未受影响。`);
  }
  if (code === 'ENOENT') return new NewsdeskError('not_found', `${what}不存在。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new NewsdeskError('io', `没有权限写入${what}（${code}）。`);
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new NewsdeskError('io', `${what}读写失败：${msg}`);
}
