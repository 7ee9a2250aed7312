// `npm start` opens Electron only when its binary is really there, and falls back to the browser host otherwise.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, electronPackageDir } from '../../scripts/electronBinary.mjs';

const DIR = '/project/node_modules/electron';

function machine(files: Record<string, string>, env: Record<string, string> = {}) {
  return {
    electronDir: DIR,
    env,
    exists: (path: string) => path in files,
    readText: (path: string) => files[path] ?? '',
  };
}

describe('electronBinary', () => {
  it('finds the binary path.txt names inside dist/', () => {
    const files = { [join(DIR, 'path.txt')]: 'electron', [join(DIR, 'dist', 'electron')]: '' };
    expect(electronBinary(machine(files))).toBe(join(DIR, 'dist', 'electron'));
  });

  it('is null when the download was skipped (no path.txt), so start falls back to the browser', () => {
    expect(electronBinary(machine({}))).toBeNull();
  });

  it('is null when path.txt names a binary that is not in dist/', () => {
    expect(electronBinary(machine({ [join(DIR, 'path.txt')]: 'electron' }))).toBeNull();
  });

  it('is null when the electron package is not installed at all', () => {
    expect(electronBinary({ electronDir: null })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const files = { [join('/opt/electron', 'electron')]: '' };
    expect(electronBinary(machine(files, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }))).toBe(
      join('/opt/electron', 'electron'),
    );
    expect(electronBinary(machine({}, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }))).toBeNull();
  });

  it('locates the installed electron package without loading it', () => {
    expect(electronPackageDir(import.meta.url)).toMatch(/node_modules[\\/]electron$/);
  });
});
