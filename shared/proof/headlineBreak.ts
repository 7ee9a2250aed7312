/**
 * Where a headline breaks into lines: where the editor put a line break; otherwise balanced lines of about
 * the same width, never a last line of one or two characters, never inside a name, a quoted title, a Latin
 * word or a number, and never against the line-breaking rules (禁则).
 */
import { NO_LINE_END, NO_LINE_START } from '../rules/pageplan/kinsoku';

/** The line break an editor types in a one-line headline field: U+2028 (a newline in older copy counts too). */
export const HEADLINE_BREAK = '\u2028';

/** Spans that are never broken: quoted titles and quotes, and the names a caller knows. */
const QUOTE_PAIRS: [string, string][] = [
  ['《', '》'],
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
  ['"', '"'],
];

/** Width in full-width characters: Latin letters, digits and ASCII punctuation are set half-width. */
const widthOf = (ch: string) => (/[\x20-\x7e]/.test(ch) ? 0.5 : 1);

/** Positions (between character i-1 and i) where a break is not allowed. */
function forbidden(chars: readonly string[], names: readonly string[]): boolean[] {
  const n = chars.length;
  const no = new Array<boolean>(n + 1).fill(false);
  const protect = (from: number, to: number) => {
    for (let i = from + 1; i < to; i++) no[i] = true;
  };
  const text = chars.join('');
  // Code-point index of each UTF-16 offset, so names found by indexOf map onto `chars`.
  const at: number[] = [];
  let u = 0;
  for (const [i, ch] of chars.entries()) {
    at[u] = i;
    u += ch.length;
  }
  at[u] = n;
  for (const name of names) {
    if (!name) continue;
    for (let k = text.indexOf(name); k >= 0; k = text.indexOf(name, k + 1)) protect(at[k]!, at[k + name.length]!);
  }
  for (const [open, close] of QUOTE_PAIRS)
    for (let i = 0; i < n; i++) {
      if (chars[i] !== open) continue;
      const j = chars.indexOf(close, i + 1);
      if (j > i) {
        protect(i, j + 1);
        i = j;
      }
    }
  for (let i = 1; i < n; i++) {
    const a = chars[i - 1]!;
    const b = chars[i]!;
    // A Latin word or a number, a name joined by the interpunct (约翰·史密斯), or a number and its unit sign.
    if (/[A-Za-z0-9.%]/.test(a) && /[A-Za-z0-9.%]/.test(b)) no[i] = true;
    if (a === '·' || b === '·') no[i] = true;
    if (NO_LINE_START.includes(b) || NO_LINE_END.includes(a)) no[i] = true;
    // A space is where the line breaks, not what it starts with.
    if (b === ' ') no[i] = true;
  }
  return no;
}

/** Positions inside a word (Intl's dictionary segmentation of Chinese): breaking there is a last resort. */
function insideWord(chars: readonly string[]): boolean[] {
  const inside = new Array<boolean>(chars.length + 1).fill(true);
  inside[0] = false;
  inside[chars.length] = false;
  const text = chars.join('');
  let u = 0;
  const at = new Map<number, number>();
  for (const [i, ch] of chars.entries()) {
    at.set(u, i);
    u += ch.length;
  }
  for (const seg of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
    const i = at.get(seg.index);
    if (i !== undefined) inside[i] = false;
  }
  return inside;
}

const lineText = (chars: readonly string[], from: number, to: number) => chars.slice(from, to).join('').trim();

/** Characters counted for the short-last-line rule: what the reader sees, punctuation included. */
const visible = (s: string) => [...s.replace(/\s/g, '')].length;

/**
 * Breaks a headline into lines of at most `perLine` full-width characters. `names` are spans never broken
 * (people and places the caller knows, e.g. the story's bylines).
 */
export function breakHeadline(headline: string, perLine: number, names: readonly string[] = []): string[] {
  const given = headline
    .split(/[\u2028\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (given.length > 1) return given;
  const chars = [...(given[0] ?? '')];
  const widths = chars.map(widthOf);
  const total = widths.reduce((s, w) => s + w, 0);
  const max = Math.max(1, perLine);
  if (total <= max) return chars.length ? [chars.join('')] : [];
  const no = forbidden(chars, names);
  const inWord = insideWord(chars);
  const prefix = [0];
  for (const w of widths) prefix.push(prefix.at(-1)! + w);
  const width = (from: number, to: number) => prefix[to]! - prefix[from]!;
  const n = chars.length;
  // Breaking a word costs more than any unevenness; the rules above are never broken.
  const wordCost = max * max * 4;
  let shortLast: string[] | null = null;
  // Fewest lines first; among the breaks that give that many lines, the most even (least squared slack).
  for (let lines = Math.ceil(total / max); lines <= Math.min(n, Math.ceil(total / max) + 2); lines++) {
    const target = total / lines;
    // best[k][i]: least cost to set chars[0..i) in k lines, with the break positions.
    const best: { cost: number; prev: number }[][] = Array.from({ length: lines + 1 }, () =>
      new Array<{ cost: number; prev: number }>(n + 1).fill({ cost: Infinity, prev: -1 }),
    );
    best[0]![0] = { cost: 0, prev: -1 };
    for (let k = 1; k <= lines; k++)
      for (let i = 1; i <= n; i++) {
        if (i < n && no[i]) continue;
        for (let j = i - 1; j >= 0; j--) {
          const w = width(j, i);
          if (w > max) break;
          const from = best[k - 1]![j]!;
          if (from.cost === Infinity) continue;
          const cost = from.cost + (w - target) ** 2 + (i < n && inWord[i] ? wordCost : 0);
          if (cost < best[k]![i]!.cost) best[k]![i] = { cost, prev: j };
        }
      }
    if (best[lines]![n]!.cost === Infinity) continue;
    const cuts: number[] = [];
    for (let k = lines, i = n; k > 0; k--) {
      cuts.unshift(i);
      i = best[k]![i]!.prev;
    }
    const out: string[] = [];
    let from = 0;
    for (const to of cuts) {
      out.push(lineText(chars, from, to));
      from = to;
    }
    if (visible(out.at(-1)!) > 2) return out;
    shortLast ??= out;
  }
  // A headline whose only breaks leave a short last line is still set by the rules.
  if (shortLast) return shortLast;
  // No breaking within the measure keeps the rules (a title longer than a line, a run of punctuation): each
  // line takes the most that fits up to an allowed break, or runs past the measure to the next one.
  const out: string[] = [];
  let from = 0;
  while (from < n) {
    let to = -1;
    for (let i = from + 1; i <= n && (to < 0 || width(from, i) <= max); i++)
      if (i === n || !no[i]) if (to < 0 || width(from, i) <= max) to = i;
    out.push(lineText(chars, from, to));
    from = to;
  }
  return out.filter(Boolean);
}
