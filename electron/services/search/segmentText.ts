/**
 * What the on-disk search segment stores per story: the searchable fields folded for search and
 * joined into one text, and the numeric bigram keys of that text (astral characters included).
 */
import { normalizeForSearch, SEARCH_FIELDS, type SearchDoc, type SearchField } from './searchIndex';

/** Separates fields in the joined text; it never occurs in a query, so no match spans two fields. */
export const FIELD_SEPARATOR = '\u0000';

/** Code points fit in 21 bits, so a pair fits exactly in a float64 key (42 bits). */
const PAIR = 2 ** 21;

export interface JoinedDoc {
  /** Folded fields joined by FIELD_SEPARATOR; this is what queries are confirmed against. */
  normalized: string;
  /** The fields as written, joined the same way; equal to `normalized` when folding changed nothing. */
  original: string;
}

export function joinDoc(doc: SearchDoc): JoinedDoc {
  const clean = SEARCH_FIELDS.map((f) => doc[f].replaceAll(FIELD_SEPARATOR, ' '));
  return { normalized: clean.map(normalizeForSearch).join(FIELD_SEPARATOR), original: clean.join(FIELD_SEPARATOR) };
}

/** Folds a query the same way as the text; '' when nothing searchable is left. */
export function normalizeQuery(q: string): string {
  return normalizeForSearch(q.replaceAll(FIELD_SEPARATOR, '')).trim();
}

/** Calls `emit` for every pair of neighbouring code points, skipping pairs with a space or separator. */
export function forEachGram(text: string, emit: (key: number) => void): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (cp === 32 || cp === 0) {
      prev = -1;
      continue;
    }
    if (prev >= 0) emit(prev * PAIR + cp);
    prev = cp;
  }
}

/** Distinct gram keys of a text, sorted ascending. */
export function gramsOf(text: string): number[] {
  const set = new Set<number>();
  forEachGram(text, (k) => set.add(k));
  return [...set].sort((a, b) => a - b);
}

/** A query of exactly two characters is its own bigram: the postings alone answer it without a text check. */
export function isSingleGram(q: string): boolean {
  const chars = Array.from(q);
  return chars.length === 2 && !chars.includes(' ');
}

/** Which field an offset in the joined text falls in, and the offset inside that field. */
export function locate(joined: string, at: number): { field: SearchField; at: number } {
  let fieldNo = 0;
  let start = 0;
  for (let i = joined.indexOf(FIELD_SEPARATOR); i >= 0 && i < at; i = joined.indexOf(FIELD_SEPARATOR, i + 1)) {
    fieldNo++;
    start = i + 1;
  }
  return { field: SEARCH_FIELDS[Math.min(fieldNo, SEARCH_FIELDS.length - 1)]!, at: at - start };
}

/** A stretch of one field around a match, as written where folding kept the length (as the in-memory index does). */
export function snippetOf(doc: JoinedDoc, field: SearchField, at: number, queryLength: number, radius = 30): string {
  const n = SEARCH_FIELDS.indexOf(field);
  const normalized = doc.normalized.split(FIELD_SEPARATOR)[n] ?? '';
  const original = doc.original.split(FIELD_SEPARATOR)[n] ?? '';
  const text = original.length === normalized.length ? original : normalized;
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + queryLength + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
