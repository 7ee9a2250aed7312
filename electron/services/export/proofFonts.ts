/**
 * The bundled CJK faces for printing proofs: the @fontsource Noto Serif SC and Noto Sans SC
 * @font-face rules with their woff2 files, so a proof has real glyphs on a machine with no
 * CJK fonts and the PDF embeds them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** The weights the proof CSS uses (see electron/services/pageplan/proofFontCss.ts). */
const FACES: [pkg: string, weights: number[]][] = [
  ['@fontsource/noto-serif-sc', [400, 700, 900]],
  ['@fontsource/noto-sans-sc', [400, 500, 700, 900]],
];
const PACKAGES = FACES.map(([pkg]) => pkg);

function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** The @font-face CSS with each file URL rewritten by `urlFor(package, fileName)`. */
export function proofFontCss(urlFor: (pkg: string, file: string) => string): string {
  const parts: string[] = [];
  for (const [pkg, weights] of FACES) {
    const dir = packageDir(pkg);
    for (const w of weights) {
      const css = readFileSync(join(dir, `${w}.css`), 'utf8');
      // Only the woff2 source: every Chromium reads it, and the woff fallback would double the rules' size.
      parts.push(
        css
          .replace(/,\s*url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
          .replace(/url\(\.\/files\/([^)]+)\)/g, (_m, file: string) => `url(${urlFor(pkg, file)})`)
          // Never print in a fallback face.
          .replaceAll('font-display: swap', 'font-display: block'),
      );
    }
  }
  return parts.join('\n');
}

/** Bytes of one bundled font file, by package and file name as proofFontCss names them. */
export function proofFontFile(pkg: string, file: string): Buffer | null {
  if (!PACKAGES.includes(pkg) || !/^[a-z0-9-]+\.woff2$/.test(file)) return null;
  try {
    return readFileSync(join(packageDir(pkg), 'files', file));
  } catch {
    return null;
  }
}
