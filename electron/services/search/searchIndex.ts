/**
 * The in-memory index for stories saved since the on-disk segment was built (segment.ts).
 * Chinese full-text search without a word list: every story is indexed by character
 * bigrams, a query's bigrams narrow the candidates, and a substring check confirms them.
 * So any run of two or more characters that appears in a headline field or the body finds
 * the story, which a word segmenter alone would not promise for names and new terms.
 *
 * Postings are sorted arrays of document numbers; a re-indexed story gets a new number and
 * its old one is left dead until the next rebuild, so an update never scans the postings.
 */
export const SEARCH_FIELDS = ['kicker', 'headline', 'subheadline', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchDoc = Record<SearchField, string>;

/** Full-width forms fold to half-width and case folds, so "ＥＲＰ" finds "erp". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

const ASTRAL = /[\uD800-\uDFFF]/;

/** A bigram key: two UTF-16 units packed in a number (fast to hash), or the pair as a string beyond the BMP. */
type Gram = number | string;

/** Adds the text's bigrams to `out`; pairs across a space are skipped. */
function addBigrams(text: string, out: Set<Gram>): void {
  if (ASTRAL.test(text)) {
    const chars = Array.from(text);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (a === ' ' || b === ' ') continue;
      // BMP pairs keep the numeric key, so a text with one rare character still matches plain queries.
      out.add(a.length === 1 && b.length === 1 ? a.charCodeAt(0) * 65536 + b.charCodeAt(0) : a + b);
    }
    return;
  }
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a !== 32 && b !== 32) out.add(a * 65536 + b);
  }
}

export interface SearchMatch {
  id: string;
  field: SearchField;
  /** Offset of the match in the normalised field text. */
  at: number;
}

interface Entry {
  id: string;
  normalized: SearchDoc;
  original: SearchDoc;
}

export class SearchIndex {
  /** Document number -> entry; undefined once the story was re-indexed or removed. */
  private entries: (Entry | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private postings = new Map<Gram, number[]>();
  private dead = 0;

  get size(): number {
    return this.numberOf.size;
  }

  has(id: string): boolean {
    return this.numberOf.has(id);
  }

  put(id: string, doc: SearchDoc): void {
    this.remove(id);
    const normalized = {} as SearchDoc;
    const grams = new Set<Gram>();
    for (const f of SEARCH_FIELDS) {
      normalized[f] = normalizeForSearch(doc[f]);
      addBigrams(normalized[f], grams);
    }
    const n = this.entries.length;
    this.entries.push({ id, normalized, original: doc });
    this.numberOf.set(id, n);
    for (const g of grams) {
      const list = this.postings.get(g);
      if (list) list.push(n);
      else this.postings.set(g, [n]);
    }
  }

  remove(id: string): void {
    const n = this.numberOf.get(id);
    if (n === undefined) return;
    this.entries[n] = undefined;
    this.numberOf.delete(id);
    if (++this.dead > 1000 && this.dead > this.numberOf.size) this.rebuild();
  }

  private rebuild(): void {
    const live = this.entries.filter((e): e is Entry => e !== undefined);
    this.entries = [];
    this.numberOf.clear();
    this.postings = new Map();
    this.dead = 0;
    for (const e of live) this.put(e.id, e.original);
  }

  /** Ids whose fields contain the query, with the first field and offset that matched. */
  query(raw: string): SearchMatch[] {
    const q = normalizeForSearch(raw).trim();
    if (!q) return [];
    const grams = new Set<Gram>();
    addBigrams(q, grams);
    let candidates: number[];
    if (grams.size === 0) {
      candidates = [...this.numberOf.values()];
    } else {
      const lists: number[][] = [];
      for (const g of grams) {
        const list = this.postings.get(g);
        if (!list) return [];
        lists.push(list);
      }
      lists.sort((a, b) => a.length - b.length);
      candidates = lists.slice(1).reduce(intersectSorted, lists[0]!);
    }
    const out: SearchMatch[] = [];
    for (const n of candidates) {
      const entry = this.entries[n];
      if (!entry) continue;
      for (const field of SEARCH_FIELDS) {
        const at = entry.normalized[field].indexOf(q);
        if (at >= 0) {
          out.push({ id: entry.id, field, at });
          break;
        }
      }
    }
    return out;
  }

  /** A stretch of the field around a match, as written where normalising kept the length. */
  snippet(match: SearchMatch, queryLength: number, radius = 30): string {
    const n = this.numberOf.get(match.id);
    const entry = n === undefined ? undefined : this.entries[n];
    const normalized = entry?.normalized[match.field] ?? '';
    const original = entry?.original[match.field] ?? '';
    const text = original.length === normalized.length ? original : normalized;
    const start = Math.max(0, match.at - radius);
    const end = Math.min(text.length, match.at + queryLength + radius);
    return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  }
}

function intersectSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}
