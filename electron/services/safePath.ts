/** Keeps every path the store builds inside its data folder, whatever an id or name says. */
import { isAbsolute, relative, resolve } from 'node:path';
import { NewsdeskError } from '../../shared/ipc/errors';

export function resolveInside(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const full = resolve(base, ...parts);
  const rel = relative(base, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new NewsdeskError('forbidden', '路径超出数据目录，已拒绝。');
  }
  return full;
}
