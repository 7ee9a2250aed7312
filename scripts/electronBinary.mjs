// Whether the Electron binary is on this machine, decided without require('electron') (which would try to download it).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The path of the Electron executable the `electron` package would run, or null when there is
 * none (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed).
 * @param {{ electronDir: string | null, env?: Record<string, string | undefined>,
 *   exists?: (path: string) => boolean, readText?: (path: string) => string }} machine
 * @returns {string | null}
 */
export function electronBinary({ electronDir, env = process.env, exists = existsSync, readText = readUtf8 }) {
  if (!electronDir) return null;
  const pathFile = join(electronDir, 'path.txt');
  const relative = exists(pathFile) ? readText(pathFile).trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return exists(overridden) ? overridden : null;
  }
  if (!relative) return null;
  const full = join(electronDir, 'dist', relative);
  return exists(full) ? full : null;
}

/**
 * The installed `electron` package's folder, or null if it is not installed.
 * @param {string} from a file inside the project
 * @returns {string | null}
 */
export function electronPackageDir(from) {
  try {
    return dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** @param {string} path */
function readUtf8(path) {
  return readFileSync(path, 'utf8');
}
