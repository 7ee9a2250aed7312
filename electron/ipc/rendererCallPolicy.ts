/**
 * What a renderer (the browser page over the loopback host, the app window over IPC) may ask for:
 * no call names a path. An export goes into the store's exports/ under a plain file name, the data
 * folder is changed only by the user at the terminal or in main, imports carry their bytes, and the
 * hub changes only through sync.configure (which binds the saved password to the hub's origin).
 * The CLI reaches the registry without this policy: its `--out` is a path the user typed.
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultExportName } from '../../shared/export/exportRequest';
import { NewsdeskError, type Result } from '../../shared/ipc/errors';
import type { Dispatch } from './registry';

/** A plain name: no separator, no leading dot (so no `.`, `..` or hidden file), a zip. */
const EXPORT_NAME = /^[^./\\\0:][^/\\\0:]{0,199}\.zip$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function lstatOrNull(path: string) {
  return lstat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}

/**
 * The absolute target inside `<dataDir>/exports/` for a renderer's export. The folder and an
 * existing file there must be what they seem: a symlink would carry the write out of the store.
 */
export async function confinedExportTarget(dataDir: string, name: string): Promise<string> {
  if (!EXPORT_NAME.test(name)) {
    throw new NewsdeskError(
      'forbidden',
      `导出文件只能是 exports 文件夹中的文件名（如 2026-03-01.zip），不能是路径：${name}`,
      {
        path: 'out',
      },
    );
  }
  const dir = join(await realpath(dataDir), 'exports');
  const folder = await lstatOrNull(dir);
  if (!folder) await mkdir(dir, { recursive: true, mode: 0o700 });
  else if (!folder.isDirectory()) {
    throw new NewsdeskError('forbidden', '数据目录中的 exports 不是普通文件夹（可能是链接），已拒绝导出。');
  }
  const target = join(dir, name);
  const existing = await lstatOrNull(target);
  if (existing && !existing.isFile()) {
    throw new NewsdeskError('forbidden', `exports/${name} 不是普通文件（可能是链接），已拒绝导出。`);
  }
  return target;
}

async function confinePayload(channel: string, payload: unknown, dataDir: string | null): Promise<unknown> {
  if (channel === 'settings.update' && isRecord(payload) && 'dataDir' in payload) {
    throw new NewsdeskError('forbidden', '数据目录只能在桌面应用的设置文件或命令行（--store）中更改。', {
      path: 'dataDir',
    });
  }
  // The hub goes through sync.configure, which asks for the password again for a new hub.
  if (channel === 'settings.update' && isRecord(payload) && 'hubUrl' in payload) {
    throw new NewsdeskError('forbidden', '中心库地址请在“同步”设置中更改。', { path: 'hubUrl' });
  }
  if (channel !== 'export.issue' || !isRecord(payload)) return payload;
  const { date, out, docxTrackedChanges } = payload;
  // A malformed request is left for the contract to refuse; its `out` never reaches the service.
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ...payload, out: undefined };
  if (out !== undefined && typeof out !== 'string') return payload;
  if (!dataDir) throw new NewsdeskError('forbidden', '此服务没有数据目录，不能导出。');
  const name = out || defaultExportName(date, docxTrackedChanges === true);
  return { ...payload, out: await confinedExportTarget(dataDir, name) };
}

/** The registry as a renderer may call it; `dataDir` is the store the exports go into. */
export function rendererDispatch(dispatch: Dispatch, dataDir: string | null): Dispatch {
  return async (channel, payload): Promise<Result<unknown>> => {
    let confined: unknown;
    try {
      confined = await confinePayload(channel, payload, dataDir);
    } catch (e) {
      if (e instanceof NewsdeskError) return { ok: false, error: e.toIpc() };
      return { ok: false, error: { code: 'io', message: `导出目录无法检查：${(e as Error).message}` } };
    }
    return dispatch(channel, confined);
  };
}

/** Asks the user where an export goes (the desktop app's save dialog); null when they cancel. */
export type ChooseExportTarget = (suggested: string) => Promise<string | null>;

/**
 * The desktop window's calls: as any renderer's, except that an export's target is what the user
 * picks in a save dialog shown by main (never a path the renderer names), suggested in exports/.
 */
export function desktopDispatch(dispatch: Dispatch, dataDir: string, choose: ChooseExportTarget): Dispatch {
  const confined = rendererDispatch(dispatch, dataDir);
  return async (channel, payload) => {
    if (channel !== 'export.issue' || !isRecord(payload) || typeof payload.date !== 'string') {
      return confined(channel, payload);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(payload.date)) return confined(channel, { ...payload, out: undefined });
    const suggested = join(dataDir, 'exports', defaultExportName(payload.date, payload.docxTrackedChanges === true));
    const target = await choose(suggested);
    if (!target)
      return { ok: false, error: { code: 'validation', message: '没有选择导出位置，未导出。', path: 'out' } };
    return dispatch(channel, { ...payload, out: target });
  };
}
