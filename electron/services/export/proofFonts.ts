/**
 * The bundled CJK faces for printing proofs: the @fontsource Noto Serif SC and Noto Sans SC
 * @font-face rules with their woff2 files, so a proof has real glyphs on a machine with no
 * CJK fonts and the PDF embeds them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGES = ['@fontsource/noto-serif-sc', '@fontsource/noto-sans-sc'] as const;
const WEIGHTS = ['400', '700'] as const;

function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** The @font-face CSS with each file URL rewritten by `urlFor(package, fileName)`. */
export function proofFontCss(urlFor: (pkg: string, file: string) => string): string {
  const parts: string[] = [];
  for (const pkg of PACKAGES) {
    const dir = packageDir(pkg);
    for (const w of WEIGHTS) {
      const css = readFileSync(join(dir, `${w}.css`), 'utf8');
      // Only the woff2 source: every Chromium reads it, and the woff fallback would double the rules' size.
      parts.push(
        css
          .replace(/,\s*url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
          .replace(/url\(\.\/files\/([^)]+)\)/g, (_m, file: string) => `url(${urlFor(pkg, file)})`),
      );
    }
  }
  return parts.join('\n');
}

/** Bytes of one bundled font file, by package and file name as proofFontCss names them. */
export function proofFontFile(pkg: string, file: string): Buffer | null {
  if (!(PACKAGES as readonly string[]).includes(pkg) || !/^[a-z0-9-]+\.woff2$/.test(file)) return null;
  try {
    return readFileSync(join(packageDir(pkg), 'files', file));
  } catch {
    return null;
  }
}
