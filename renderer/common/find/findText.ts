/**
 * Text matching for find and replace. Folding keeps every string's length, one UTF-16 unit for
 * one, so an offset found in the folded text is the same offset in the original.
 */
export interface FindOptions {
  ignoreCase: boolean;
  /** Treat full-width Latin letters, digits, punctuation and the ideographic space as their half-width forms. */
  ignoreWidth: boolean;
}

function foldUnit(ch: string, opts: FindOptions): string {
  let c = ch;
  if (opts.ignoreWidth) {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) c = ' ';
  }
  if (opts.ignoreCase) {
    const lower = c.toLowerCase();
    // A few letters lower-case to two units (İ); leave those alone to keep offsets aligned.
    if (lower.length === 1) c = lower;
  }
  return c;
}

export function foldForFind(text: string, opts: FindOptions): string {
  if (!opts.ignoreCase && !opts.ignoreWidth) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!, opts);
  return out;
}

/** Start offsets of every non-overlapping match of `query` in `text`. */
export function findAll(text: string, query: string, opts: FindOptions): number[] {
  if (!query) return [];
  const hay = foldForFind(text, opts);
  const needle = foldForFind(query, opts);
  const starts: number[] = [];
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return starts;
    starts.push(at);
    from = at + needle.length;
  }
}
