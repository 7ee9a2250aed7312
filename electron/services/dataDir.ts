/** Where the store lives: an explicit folder, else the one in settings, else userData/store. */
import { isAbsolute, join, resolve } from 'node:path';

export function resolveDataDir(opts: { override?: string | null; fromSettings: string; userDataDir: string }): string {
  if (opts.override) return resolve(opts.override);
  if (opts.fromSettings && isAbsolute(opts.fromSettings)) return opts.fromSettings;
  return join(opts.userDataDir, 'store');
}
