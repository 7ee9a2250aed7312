/**
 * A fontconfig for the npm-shipped Chromium that holds the app's own CJK faces. That Chromium reads fonts
 * only through fontconfig: on a machine with none (a slim container) it prints proofs with no text at all,
 * and given the app's WOFF2 files directly it aborts (Skia's fontconfig port cannot open them). So the
 * faces are unpacked once to TrueType (wawoff2) in a per-user cache, and a configuration names that folder
 * and then includes the machine's own configuration, whose fonts stay available.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomicFile';

const require = createRequire(import.meta.url);

/** The faces the app sets its copy and interface in (renderer/app/fonts.ts). */
const FACES: [pkg: string, weights: number[]][] = [
  ['@fontsource/noto-serif-sc', [400, 700]],
  ['@fontsource/noto-sans-sc', [400, 700]],
];

/** Where fontconfig reads when FONTCONFIG_FILE is not set. */
const SYSTEM_CONFIG = '/etc/fonts/fonts.conf';

function xmlText(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface FacePackage {
  dir: string;
  version: string;
  weights: number[];
}

async function facePackages(): Promise<FacePackage[]> {
  const out: FacePackage[] = [];
  for (const [pkg, weights] of FACES) {
    let manifest: string;
    try {
      manifest = require.resolve(`${pkg}/package.json`);
    } catch {
      continue;
    }
    const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
    out.push({ dir: dirname(manifest), version, weights });
  }
  return out;
}

/** Unpacks every unicode-range slice of the faces to .ttf in `dir`. */
async function unpackFaces(packages: FacePackage[], dir: string): Promise<void> {
  // Loaded only here: a machine with its own fonts, or a system Chromium, never needs it.
  const { default: decompress } = await import('wawoff2/decompress.js');
  for (const { dir: pkgDir, weights } of packages) {
    const files = await readdir(join(pkgDir, 'files'));
    for (const weight of weights) {
      for (const name of files.filter((f) => f.endsWith(`-${weight}-normal.woff2`))) {
        const ttf = await decompress(await readFile(join(pkgDir, 'files', name)));
        await writeFile(join(dir, name.replace(/\.woff2$/, '.ttf')), ttf);
      }
    }
  }
}

/** The per-user cache root: 0700, so no other user can swap the fonts Chromium loads. */
function cacheRoot(): string {
  let user: string;
  try {
    user = String(userInfo().uid >= 0 ? userInfo().uid : userInfo().username);
  } catch {
    user = 'user';
  }
  return join(tmpdir(), `newsdesk-fonts-${user}`);
}

/**
 * The path of a fontconfig file for Chromium: the app's faces first, then `base` (the machine's own
 * configuration, FONTCONFIG_FILE or /etc/fonts/fonts.conf, included if it exists). Null when the font
 * packages are not installed.
 */
export async function appFontConfig(
  base: string = process.env.FONTCONFIG_FILE ?? SYSTEM_CONFIG,
): Promise<string | null> {
  const packages = await facePackages();
  if (packages.length === 0) return null;
  const key = createHash('sha256')
    .update(JSON.stringify(packages.map((p) => [p.dir, p.version, p.weights])))
    .digest('hex')
    .slice(0, 16);
  const root = cacheRoot();
  await mkdir(root, { recursive: true, mode: 0o700 });
  const folder = join(root, key);
  if (!existsSync(join(folder, 'complete'))) {
    // Unpacked beside, then renamed into place whole: a reader never sees half the faces.
    const staging = await mkdtemp(join(root, `.${key}-`));
    try {
      await mkdir(join(staging, 'ttf'));
      await unpackFaces(packages, join(staging, 'ttf'));
      await writeFile(join(staging, 'complete'), '');
      await rename(staging, folder).catch(async (e: NodeJS.ErrnoException) => {
        // Another process finished first: its folder is as good as ours.
        if (e.code !== 'EEXIST' && e.code !== 'ENOTEMPTY') throw e;
        await rm(staging, { recursive: true, force: true });
      });
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      throw e;
    }
  }
  const conf = join(folder, `fonts-${createHash('sha256').update(base).digest('hex').slice(0, 12)}.conf`);
  if (!existsSync(conf)) {
    await writeFileAtomic(
      conf,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${xmlText(join(folder, 'ttf'))}</dir>`,
        `  <cachedir>${xmlText(join(folder, 'cache'))}</cachedir>`,
        `  <include ignore_missing="yes">${xmlText(base)}</include>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
  }
  return conf;
}
