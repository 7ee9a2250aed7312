/**
 * Which folder may become the data folder: never a network share (no reliable fsync or locks
 * there) and never a folder inside another store, or one that holds the current store, so two
 * stores can never share files by accident.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { NewsdeskError } from '../../shared/ipc/errors';

const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'sshfs',
  'fuse.sshfs',
  'afs',
  'ceph',
  '9p',
  'glusterfs',
]);

/** A UNC path (\\server\share or //server/share) or a folder on a network file system mount. */
export function isNetworkPath(path: string, mountsText = readMounts()): boolean {
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(path)) return true;
  let best = '';
  let bestType = '';
  for (const line of mountsText.split('\n')) {
    const [, mountPoint, type] = line.split(' ');
    if (!mountPoint || !type) continue;
    const mp = mountPoint.replace(/\\040/g, ' ');
    if ((path === mp || path.startsWith(mp.endsWith('/') ? mp : `${mp}/`)) && mp.length >= best.length) {
      best = mp;
      bestType = type;
    }
  }
  return NETWORK_FS.has(bestType);
}

function readMounts(): string {
  try {
    return readFileSync('/proc/mounts', 'utf8');
  } catch {
    return '';
  }
}

/** A folder that already is a Newsdesk store (its article and index folders, or its owner lock). */
export function looksLikeStore(dir: string): boolean {
  return (
    existsSync(`${dir}${sep}owner.lock`) || (existsSync(`${dir}${sep}articles`) && existsSync(`${dir}${sep}index`))
  );
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Throws `validation` when `candidate` may not become the data folder of a process whose store is `currentDir`. */
export function assertDataDirChoice(candidate: string, currentDir: string, mountsText?: string): void {
  if (!candidate) return;
  if (!isAbsolute(candidate)) throw new NewsdeskError('validation', `数据目录必须是完整路径：${candidate}`);
  const dir = resolve(candidate);
  if (isNetworkPath(candidate, mountsText) || isNetworkPath(dir, mountsText)) {
    throw new NewsdeskError('validation', `数据目录不能放在网络共享上：${candidate}`);
  }
  const current = resolve(currentDir);
  if (isInside(dir, current) || isInside(current, dir)) {
    throw new NewsdeskError('validation', `数据目录不能放在现有数据目录 ${current} 之内，也不能包含它。`);
  }
  for (let up = dirname(dir); up !== dirname(up); up = dirname(up)) {
    if (looksLikeStore(up)) throw new NewsdeskError('validation', `数据目录不能放在另一个数据目录 ${up} 之内。`);
  }
}
