/**
 * Settings on disk in userData/config.json, the file electron-store (the desktop app's settings) reads
 * and writes: plain JSON, kept here without conf, whose schema engine (ajv) would cost every CLI call
 * tens of milliseconds at start. Writes are atomic (temp, fsync, rename, fsync the folder).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/model/settings';
import type { SettingsBackend } from './settingsService';

/** Electron's userData folder for an app named Newsdesk, computed the way Electron does. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Newsdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Newsdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Newsdesk');
}

function readJsonObject(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${file} does not hold settings (a JSON object)`);
  return value as Record<string, unknown>;
}

/** Synchronous, as electron-store's writes are: settings.update answers only once the file is durable. */
function writeJsonAtomic(dir: string, file: string, value: unknown): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(value, null, '\t')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

export function confSettingsBackend(cwd: string): SettingsBackend {
  const file = join(cwd, 'config.json');
  // As electron-store does on start: the folder exists from then on (the app keeps other files there).
  mkdirSync(cwd, { recursive: true, mode: 0o700 });
  return {
    readAll: () => readJsonObject(file),
    // Keys this version does not know (a newer app's) are kept.
    write: (values: Settings) => writeJsonAtomic(cwd, file, { ...readJsonObject(file), ...values }),
  };
}
