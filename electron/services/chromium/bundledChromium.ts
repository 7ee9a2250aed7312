/**
 * The Chromium shipped inside the @sparticuz/chromium npm package, unpacked into a folder of this
 * user's own (0700, under the user's cache) rather than the shared temp folder, where the package
 * would run any `chromium` another local user planted there before us.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chmod, lchown, lstat, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export class ChromiumUnsafeError extends Error {
  constructor(detail: string) {
    super(`refusing to run the bundled Chromium: ${detail}`);
    this.name = 'ChromiumUnsafeError';
  }
}

/** The package's version, read beside its entry point (its exports map hides package.json). */
function packageVersion(): string {
  try {
    for (let dir = dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')); dirname(dir) !== dir;) {
      const file = join(dir, 'package.json');
      const pkg = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string })
        : {};
      if (pkg.name === '@sparticuz/chromium' && pkg.version) return pkg.version;
      dir = dirname(dir);
    }
    return 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `$XDG_CACHE_HOME/newsdesk/chromium-<version>` (else ~/.cache/…): a new package version unpacks afresh. */
export function defaultChromiumDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'newsdesk', `chromium-${packageVersion()}`);
}

/**
 * The folder is ours and private: created 0700, a plain folder (not a link) owned by this user,
 * tightened to 0700 if it is ours but looser, and in a parent no one else may rename it out of.
 * Everything already in it must be ours too: a file another user left there is never run.
 */
export async function ensurePrivateFolder(dir: string): Promise<void> {
  const uid = process.getuid?.();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const folder = await lstat(dir);
  if (!folder.isDirectory()) throw new ChromiumUnsafeError(`${dir} is not a plain folder`);
  if (uid === undefined) return;
  if (folder.uid !== uid) throw new ChromiumUnsafeError(`${dir} belongs to uid ${folder.uid}, not to you (uid ${uid})`);
  if ((folder.mode & 0o077) !== 0) await chmod(dir, 0o700);
  const parent = await lstat(dirname(dir));
  const sticky = (parent.mode & 0o1000) !== 0;
  if ((parent.uid !== uid && parent.uid !== 0) || ((parent.mode & 0o022) !== 0 && !sticky)) {
    throw new ChromiumUnsafeError(`${dirname(dir)} may be changed by other users`);
  }
  for (const name of await readdir(dir, { recursive: true })) {
    const entry = await lstat(join(dir, name));
    if (entry.uid !== uid) {
      throw new ChromiumUnsafeError(
        `${join(dir, name)} belongs to uid ${entry.uid}, not to you (uid ${uid}); remove it and try again`,
      );
    }
  }
}

/** Run as root, the package's tar extraction keeps the archive's owner (uid 1000): what we unpacked is made ours. */
async function ownUnpacked(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (const name of await readdir(dir, { recursive: true })) await lchown(join(dir, name), 0, 0);
}

let unpacking: Promise<unknown> = Promise.resolve();

/**
 * The package unpacks into os.tmpdir() and runs whatever `chromium` is there already; it has no
 * option for another folder. os.tmpdir() reads TMPDIR on every call, so TMPDIR points at our
 * folder while it unpacks (one unpack at a time in this process), then is put back.
 */
export async function unpackBundledChromium(dir: string = defaultChromiumDir()): Promise<string> {
  const run = unpacking.then(async () => {
    await ensurePrivateFolder(dir);
    const chromium = (await import('@sparticuz/chromium')).default;
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      const path = await chromium.executablePath();
      await ownUnpacked(dir);
      return path;
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
  unpacking = run.catch(() => undefined);
  const executablePath = await run;
  if (dirname(executablePath) !== dir) {
    throw new ChromiumUnsafeError(`the package unpacked to ${executablePath}, outside ${dir}`);
  }
  await ensurePrivateFolder(dir);
  return executablePath;
}
