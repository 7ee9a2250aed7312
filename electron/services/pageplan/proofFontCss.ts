/** @font-face rules for the bundled Noto CJK fonts as file: URLs, for proofs loaded outside the app (export, tests, bench). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

const FACES: [pkg: string, weights: number[]][] = [
  ['@fontsource/noto-serif-sc', [400, 700, 900]],
  ['@fontsource/noto-sans-sc', [400, 500, 700, 900]],
];

let cached: string | null = null;

/** Empty when the font packages are not installed: the proof then falls back to the system's fonts. */
export function proofFontCss(): string {
  if (cached !== null) return cached;
  const out: string[] = [];
  for (const [pkg, weights] of FACES) {
    let dir: string;
    try {
      dir = dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      continue;
    }
    const files = pathToFileURL(join(dir, 'files')).href;
    for (const w of weights) {
      // font-display: block, so a proof is never measured or printed in a fallback font.
      out.push(
        readFileSync(join(dir, `${w}.css`), 'utf8')
          .replaceAll('url(./files', `url(${files}`)
          .replaceAll('font-display: swap', 'font-display: block'),
      );
    }
  }
  cached = out.join('\n');
  return cached;
}
