// The npm Chromium is unpacked into a folder of the user's own: a `chromium` planted in the shared
// temp folder is never run, and a file or folder another user owns is refused with a clear error.
import { chmod, chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ChromiumUnsafeError,
  ensurePrivateFolder,
  unpackBundledChromium,
} from '../../../../electron/services/chromium/bundledChromium';

const asRoot = process.getuid?.() === 0;
const OTHER_UID = 65534;
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

describe('the bundled Chromium', () => {
  it('is unpacked into its own folder: a chromium planted in the temp folder is not the one run', async () => {
    const shared = await tempDir('newsdesk-shared-tmp-');
    const planted = join(shared, 'chromium');
    await writeFile(planted, '#!/bin/sh\necho planted\n', { mode: 0o755 });
    const own = join(await tempDir('newsdesk-cache-'), 'chromium');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = shared;
    try {
      const executable = await unpackBundledChromium(own);
      expect(executable).toBe(join(own, 'chromium'));
      expect(executable).not.toBe(planted);
      expect((await stat(own)).mode & 0o777).toBe(0o700);
      expect((await stat(executable)).uid).toBe(process.getuid?.());
      // TMPDIR is put back for the rest of the process.
      expect(tmpdir()).toBe(shared);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 180_000);

  it('tightens its own folder to 0700', async () => {
    const dir = join(await tempDir('newsdesk-cache-'), 'chromium');
    await mkdir(dir, { mode: 0o755 });
    await chmod(dir, 0o777);
    await ensurePrivateFolder(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!asRoot)('refuses a pre-existing binary another user owns, naming it', async () => {
    const dir = join(await tempDir('newsdesk-cache-'), 'chromium');
    await mkdir(dir, { mode: 0o700 });
    const binary = join(dir, 'chromium');
    await writeFile(binary, '#!/bin/sh\necho planted\n', { mode: 0o755 });
    await chown(binary, OTHER_UID, OTHER_UID);
    const refused = unpackBundledChromium(dir);
    await expect(refused).rejects.toThrow(ChromiumUnsafeError);
    await expect(refused).rejects.toThrow(`${binary} belongs to uid ${OTHER_UID}`);
  });

  it.skipIf(!asRoot)('refuses a folder another user owns, or one in a folder others may write to', async () => {
    const theirs = join(await tempDir('newsdesk-cache-'), 'chromium');
    await mkdir(theirs, { mode: 0o700 });
    await chown(theirs, OTHER_UID, OTHER_UID);
    await expect(ensurePrivateFolder(theirs)).rejects.toThrow(/belongs to uid 65534/);
    const open = await tempDir('newsdesk-open-');
    await chown(open, OTHER_UID, OTHER_UID);
    await chmod(open, 0o777);
    await expect(ensurePrivateFolder(join(open, 'chromium'))).rejects.toThrow(
      `${dirname(join(open, 'chromium'))} may be changed`,
    );
  });
});
