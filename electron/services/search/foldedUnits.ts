/**
 * Folds segment text for confirming hits without making strings: each UTF-16 unit is mapped through a
 * table (filled on first sight of a character) to what normalizeForSearch makes of it, and runs of
 * spaces collapse. That equals normalizeForSearch of the whole text as long as every character folds
 * on its own to one unit; when one may not (combining marks, jamo, beyond the BMP, expansions, final
 * sigma), the caller folds the string instead.
 */
import { normalizeForSearch } from './searchIndex';

const UNKNOWN = -1;
const IRREGULAR = -2;
const SPACE = 32;
const table = new Int32Array(65536).fill(UNKNOWN);
// Filled ahead for the bulk of Chinese copy, so a first query does not classify them one by one: unified
// ideographs fold to themselves, printable ASCII and its full-width forms to lower-case ASCII.
for (let c = 0x4e00; c <= 0x9fff; c++) table[c] = c;
for (let c = 0x21; c <= 0x7e; c++) table[c] = table[c + 0xfee0] = c >= 0x41 && c <= 0x5a ? c + 32 : c;

const MARK = /\p{M}/u;
/** Conjoining, compatibility and half-width Hangul jamo compose with their neighbours under NFKC. */
function isJamo(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff) ||
    (c >= 0xffa0 && c <= 0xffdc)
  );
}

function classify(c: number): number {
  if ((c >= 0xd800 && c <= 0xdfff) || isJamo(c)) return IRREGULAR;
  const ch = String.fromCharCode(c);
  const folded = normalizeForSearch(ch);
  if (folded.length !== 1 || MARK.test(ch) || MARK.test(folded)) return IRREGULAR;
  // Lower case may depend on the letters around (final sigma, also reached through NFKC from U+03F9).
  if (normalizeForSearch(`A${ch}`) !== `a${folded}` || normalizeForSearch(`A${ch}A`) !== `a${folded}a`)
    return IRREGULAR;
  const f = folded.charCodeAt(0);
  return isJamo(f) || (f >= 0xd800 && f <= 0xdfff) ? IRREGULAR : f;
}

/**
 * Writes the folded form of `src[0..length)` to `out` (at least `length` long) and returns its
 * length, or -1 when the text holds a character that must be folded in context.
 */
export function foldUnits(src: Uint16Array, length: number, out: Uint16Array): number {
  let k = 0;
  for (let i = 0; i < length; i++) {
    const c = src[i]!;
    let f = table[c]!;
    if (f === UNKNOWN) f = table[c] = classify(c);
    if (f === IRREGULAR) return -1;
    if (f === SPACE && k > 0 && out[k - 1] === SPACE) continue;
    out[k++] = f;
  }
  return k;
}
