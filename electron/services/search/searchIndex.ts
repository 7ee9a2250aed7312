/**
 * Chinese full-text search without a word list: every story is indexed by character
 * bigrams, a query's bigrams narrow the candidates, and a substring check confirms them.
 * So any run of two or more characters that appears in a headline field or the body finds
 * the story, which a word segmenter alone would not promise for names and new terms.
 */
export const SEARCH_FIELDS = ['kicker', 'headline', 'subheadline', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchDoc = Record<SearchField, string>;

/** Full-width forms fold to half-width and case folds, so "ＥＲＰ" finds "erp". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (a === ' ' || b === ' ') continue;
    out.add(a + b);
  }
  return out;
}

export interface SearchMatch {
  id: string;
  field: SearchField;
  /** Offset of the match in the normalised field text. */
  at: number;
}

export class SearchIndex {
  private readonly docs = new Map<string, SearchDoc>();
  /** The text as written, for snippets; offsets match wherever normalising kept the length. */
  private readonly originals = new Map<string, SearchDoc>();
  private readonly postings = new Map<string, Set<string>>();

  get size(): number {
    return this.docs.size;
  }

  put(id: string, doc: SearchDoc): void {
    this.remove(id);
    const normalized = {} as SearchDoc;
    for (const f of SEARCH_FIELDS) normalized[f] = normalizeForSearch(doc[f]);
    this.docs.set(id, normalized);
    this.originals.set(id, doc);
    for (const f of SEARCH_FIELDS) {
      for (const g of bigrams(normalized[f])) {
        let set = this.postings.get(g);
        if (!set) this.postings.set(g, (set = new Set()));
        set.add(id);
      }
    }
  }

  remove(id: string): void {
    const old = this.docs.get(id);
    if (!old) return;
    this.docs.delete(id);
    this.originals.delete(id);
    for (const f of SEARCH_FIELDS) {
      for (const g of bigrams(old[f])) {
        const set = this.postings.get(g);
        set?.delete(id);
        if (set?.size === 0) this.postings.delete(g);
      }
    }
  }

  /** Ids whose fields contain the query, with the first field and offset that matched. */
  query(raw: string): SearchMatch[] {
    const q = normalizeForSearch(raw).trim();
    if (!q) return [];
    const grams = [...bigrams(q)];
    let candidates: Iterable<string>;
    if (grams.length === 0) {
      candidates = this.docs.keys();
    } else {
      const lists = grams.map((g) => this.postings.get(g));
      if (lists.some((l) => !l)) return [];
      const sorted = (lists as Set<string>[]).sort((a, b) => a.size - b.size);
      const [smallest, ...rest] = sorted;
      candidates = [...smallest!].filter((id) => rest.every((s) => s.has(id)));
    }
    const out: SearchMatch[] = [];
    for (const id of candidates) {
      const doc = this.docs.get(id)!;
      for (const field of SEARCH_FIELDS) {
        const at = doc[field].indexOf(q);
        if (at >= 0) {
          out.push({ id, field, at });
          break;
        }
      }
    }
    return out;
  }

  /** A stretch of the normalised field around a match, for the result list. */
  snippet(match: SearchMatch, queryLength: number, radius = 30): string {
    const normalized = this.docs.get(match.id)?.[match.field] ?? '';
    const original = this.originals.get(match.id)?.[match.field] ?? '';
    const text = original.length === normalized.length ? original : normalized;
    const start = Math.max(0, match.at - radius);
    const end = Math.min(text.length, match.at + queryLength + radius);
    return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  }
}
