/** Character-level diffs that read well in Chinese, with a work budget so a rewrite stays fast. */
import { diffChars } from 'diff';

export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string };

/** Up to this many characters (both sides) a changed stretch is diffed by character without first aligning clauses. */
const CHAR_DIFF_LIMIT = 1000;
/** Edit distance past which a character diff gives up: the stretch was rewritten, not edited. */
const MAX_EDITS = 300;
/**
 * Work allowed for character diffs in one diffText call. Myers' cost grows with the square of
 * the edit distance, so the budget is in squared edits: about 10 ms. Text reordered sentence by
 * sentence leaves many gaps; past the budget they show as replaced, which is what it is.
 */
const CHAR_DIFF_BUDGET = 100_000;
export const CHAR_DIFF_BUDGET_FOR_ARTICLE = 4 * CHAR_DIFF_BUDGET;

/** Character-diff work left, shared by the calls of one diff. */
export type Budget = { left: number };

type Segment = { eq: string } | { del: string; ins: string };

const cpLength = (text: string) => [...text].length;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Lengths of the common prefix and suffix in UTF-16 units, never splitting a surrogate pair. */
function commonEnds(a: string, b: string): [number, number] {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(a.charCodeAt(a.length - s))) s--;
  return [p, s];
}

/** One diffText call's alignment state: what it emits and the character-diff work it has left. */
class Aligner {
  readonly out: Segment[] = [];
  private readonly budget: Budget;

  constructor(budget: Budget) {
    this.budget = budget;
  }

  /** jsdiff's character diff, or a plain replacement when too far apart for what is left of the budget. */
  chars(a: string, b: string): void {
    const maxEditLength = Math.min(
      MAX_EDITS,
      a.length + b.length,
      Math.floor(Math.sqrt(Math.max(0, this.budget.left))),
    );
    const changes = a && b && maxEditLength >= 4 ? diffChars(a, b, { maxEditLength }) : undefined;
    if (a && b)
      this.budget.left -= changes
        ? changes.reduce((n, c) => n + (c.added || c.removed ? c.count : 0), 0) ** 2
        : maxEditLength ** 2;
    if (!changes) this.out.push({ del: a, ins: b });
    else
      for (const c of changes)
        this.out.push(c.added ? { del: '', ins: c.value } : c.removed ? { del: c.value, ins: '' } : { eq: c.value });
  }

  /**
   * Long texts are aligned patience-style on clauses: clauses both texts share, kept in order,
   * are anchors, and the gaps between them are aligned the same way until small enough to
   * diff by character. A moved paragraph stays a local change and 20,000 characters take
   * milliseconds, where a character diff of the whole would take a second.
   */
  clauses(ta: readonly string[], tb: readonly string[], depth: number): void {
    let p = 0;
    while (p < ta.length && p < tb.length && ta[p] === tb[p]) p++;
    let s = 0;
    while (s < ta.length - p && s < tb.length - p && ta[ta.length - 1 - s] === tb[tb.length - 1 - s]) s++;
    if (p > 0) this.out.push({ eq: ta.slice(0, p).join('') });
    const ma = ta.slice(p, ta.length - s);
    const mb = tb.slice(p, tb.length - s);
    const size = ma.reduce((n, t) => n + t.length, 0) + mb.reduce((n, t) => n + t.length, 0);
    const anchors =
      size > CHAR_DIFF_LIMIT && depth < 8 && ma.length > 0 && mb.length > 0 ? longestOrdered(anchorPairs(ma, mb)) : [];
    if (anchors.length === 0) {
      const del = ma.join('');
      const ins = mb.join('');
      // With nothing in common over thousands of characters the stretch was rewritten.
      if (del && ins && size <= 4 * CHAR_DIFF_LIMIT) this.chars(del, ins);
      else if (del || ins) this.out.push({ del, ins });
    } else {
      let ia = 0;
      let ib = 0;
      for (const [x, y] of anchors) {
        this.clauses(ma.slice(ia, x), mb.slice(ib, y), depth + 1);
        this.out.push({ eq: ma[x]! });
        ia = x + 1;
        ib = y + 1;
      }
      this.clauses(ma.slice(ia), mb.slice(ib), depth + 1);
    }
    if (s > 0) this.out.push({ eq: ta.slice(ta.length - s).join('') });
  }
}

/** Clauses end at Chinese or Latin stops, commas, spaces and line breaks, which stay with their clause. */
function clauses(text: string): string[] {
  return text.match(/[^。！？!?；;，,\s]*(?:[。！？!?；;，,\s]+|$)/gu)?.filter((t) => t.length > 0) ?? [];
}

/**
 * Anchor candidates: a clause that occurs as often in one text as in the other (usually once)
 * pairs its k-th occurrences, so even repeated boilerplate anchors. Sorted by the first index.
 */
export function anchorPairs(ta: readonly string[], tb: readonly string[]): [number, number][] {
  const at = new Map<string, { a: number[]; b: number[] }>();
  ta.forEach((t, i) => {
    const c = at.get(t) ?? { a: [], b: [] };
    c.a.push(i);
    at.set(t, c);
  });
  tb.forEach((t, i) => at.get(t)?.b.push(i));
  const pairs: [number, number][] = [];
  for (const { a, b } of at.values()) if (a.length === b.length) a.forEach((ia, k) => pairs.push([ia, b[k]!]));
  return pairs.sort((p, q) => p[0] - q[0]);
}

/** Longest run of pairs increasing in both indexes (pairs come sorted by the first). */
export function longestOrdered(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length).fill(-1);
  for (const [k, [, y]] of pairs.entries()) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/**
 * Semantic cleanup (after diff-match-patch): an equal island no longer than the edits on both
 * sides of it is folded into them, so 两家企业 → 三家公司 reads as one replacement instead of
 * 两→三, 家, 企业→公司. A merge makes an edit bigger, so earlier islands are looked at again.
 * Sizes are UTF-16 lengths: the rare astral character counting twice does not matter here.
 */
function cleanupSemantic(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  const size = (s: { del: string; ins: string }) => Math.max(s.del.length, s.ins.length);
  for (const seg of segments) {
    const last = out[out.length - 1];
    if ('eq' in seg) {
      if (!seg.eq) continue;
      if (last && 'eq' in last) last.eq += seg.eq;
      else out.push({ ...seg });
      continue;
    }
    if (!seg.del && !seg.ins) continue;
    let current = last && !('eq' in last) ? (out.pop() as { del: string; ins: string }) : { del: '', ins: '' };
    current = { del: current.del + seg.del, ins: current.ins + seg.ins };
    for (;;) {
      const island = out[out.length - 1];
      const before = out[out.length - 2];
      if (!island || !before || !('eq' in island) || 'eq' in before) break;
      if (island.eq.length > Math.min(size(before), size(current))) break;
      out.length -= 2;
      current = { del: before.del + island.eq + current.del, ins: before.ins + island.eq + current.ins };
    }
    out.push(current);
  }
  return out;
}

/** Character-level diff of two texts: deletions come before insertions within each change. */
export function diffText(a: string, b: string): DiffOp[] {
  return diffWithin(a, b, { left: CHAR_DIFF_BUDGET });
}

/** diffText under a budget shared with other calls (one article diff spends one budget). */
export function diffWithin(a: string, b: string, budget: Budget): DiffOp[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const [p, s] = commonEnds(a, b);
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);
  const aligner = new Aligner(budget);
  aligner.out.push({ eq: a.slice(0, p) });
  if (midA.length + midB.length <= CHAR_DIFF_LIMIT) aligner.chars(midA, midB);
  else aligner.clauses(clauses(midA), clauses(midB), 0);
  aligner.out.push({ eq: a.slice(a.length - s) });
  const ops: DiffOp[] = [];
  for (const seg of cleanupSemantic(aligner.out)) {
    if ('eq' in seg) ops.push({ op: 'equal', text: seg.eq });
    else {
      if (seg.del) ops.push({ op: 'delete', text: seg.del });
      if (seg.ins) ops.push({ op: 'insert', text: seg.ins });
    }
  }
  return ops;
}

/** Share of the longer text left unchanged, 0 to 1. */
export function similarity(ops: readonly DiffOp[]): number {
  let equal = 0;
  let a = 0;
  let b = 0;
  for (const { op, text } of ops) {
    const n = cpLength(text);
    if (op === 'equal') equal += n;
    if (op !== 'insert') a += n;
    if (op !== 'delete') b += n;
  }
  const longer = Math.max(a, b);
  return longer === 0 ? 1 : equal / longer;
}
