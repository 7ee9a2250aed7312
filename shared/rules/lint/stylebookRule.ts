/**
 * The paper's own style book applied to a text: every entry's wrong form found in one scan
 * (TermMatcher), its exceptions and the kept names honoured, each finding naming its entry.
 */
import type { Stylebook, StylebookEntry } from '../../model/stylebook';
import type { Finding } from '../punctuation/finding';
import { leftmostLongest, termMask, TermMatcher, type TermMatch } from './ahoCorasick';

export interface CompiledStylebook {
  entries: readonly StylebookEntry[];
  wrong: TermMatcher;
  /** Every entry's exceptions in one matcher; `owner[i]` is the entry exception i belongs to. */
  exceptions: TermMatcher | null;
  owner: readonly number[];
  /** The paper-wide names and titles left as written, or null when there are none. */
  keep: TermMatcher | null;
}

/** Built once per style book version (5,000 entries in a few ms), then reused for every lint. */
export function compileStylebook(book: Pick<Stylebook, 'entries' | 'keep'>): CompiledStylebook {
  const owner: number[] = [];
  const phrases: string[] = [];
  book.entries.forEach((e, i) => {
    for (const x of e.exceptions) {
      phrases.push(x);
      owner.push(i);
    }
  });
  return {
    entries: book.entries,
    wrong: new TermMatcher(book.entries.map((e) => e.wrong)),
    exceptions: phrases.length > 0 ? new TermMatcher(phrases) : null,
    owner,
    keep: book.keep.length > 0 ? new TermMatcher(book.keep) : null,
  };
}

const HAN = /\p{Script=Han}/u;
const ALNUM = /[\p{L}\p{N}]/u;

/** For `word` scope: the neighbours must not continue the term (a Han term beside Han, a Latin one beside a letter or digit). */
function standsAlone(text: string, m: TermMatch, term: string): boolean {
  const kind = (ch: string | undefined) =>
    ch === undefined ? 'none' : HAN.test(ch) ? 'han' : ALNUM.test(ch) ? 'alnum' : 'other';
  const first = kind(term[0]);
  const last = kind(term[term.length - 1]);
  return kind(text[m.start - 1]) !== first && kind(text[m.end]) !== last;
}

export function checkStylebook(text: string, protectedSpans: Uint8Array, book: CompiledStylebook): Finding[] {
  if (book.entries.length === 0) return [];
  let mask = protectedSpans;
  const candidates = book.wrong.findAll(text);
  if (candidates.length === 0) return [];
  // The kept names and titles, also when this rule runs on its own (checkHouse has masked them already).
  if (book.keep) mask = termMask(text, book.keep, mask.slice());
  const excepted = new Map<number, TermMatch[]>();
  if (book.exceptions) {
    for (const x of book.exceptions.findAll(text)) {
      const entry = book.owner[x.term]!;
      excepted.set(entry, [...(excepted.get(entry) ?? []), x]);
    }
  }
  const live = candidates.filter((m) => {
    const entry = book.entries[m.term]!;
    for (let i = m.start; i < m.end; i++) if (mask[i]) return false;
    if (excepted.get(m.term)?.some((x) => x.start <= m.start && m.end <= x.end)) return false;
    return entry.scope === 'substring' || standsAlone(text, m, entry.wrong);
  });
  return leftmostLongest(live).map((m) => {
    const e = book.entries[m.term]!;
    const why = e.reason ? `：${e.reason}` : '';
    return {
      rule: 'stylebook',
      start: m.start,
      end: m.end,
      message: e.right ? `“${e.wrong}”应作“${e.right}”${why}` : `本报不用“${e.wrong}”${why}`,
      ...(e.right ? { fix: { start: m.start, end: m.end, replacement: e.right } } : {}),
      source: `本报用语规范：${e.wrong} → ${e.right || '（删改）'}`,
      severity: e.severity,
    } satisfies Finding;
  });
}
