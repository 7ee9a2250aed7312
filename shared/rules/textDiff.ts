/** Character-level diffs that read well in Chinese: between two texts, and field by field between two versions of an article. */
import { diffArrays, diffChars } from 'diff';
import type { ArticleContent } from '../model/article';
import type { Block, BlockType } from '../model/document';
import { blockText } from '../model/document';
import { formatPhotoCredit } from '../model/people';

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
/** One article diff shares a budget across all its fields and blocks: a rewrite stays fast. */
const ARTICLE_DIFF_BUDGET = 4 * CHAR_DIFF_BUDGET;

type Budget = { left: number };

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
    const maxEditLength = Math.min(MAX_EDITS, a.length + b.length, Math.floor(Math.sqrt(Math.max(0, this.budget.left))));
    const changes = a && b && maxEditLength >= 4 ? diffChars(a, b, { maxEditLength }) : undefined;
    if (a && b) this.budget.left -= changes ? changes.reduce((n, c) => n + (c.added || c.removed ? c.count : 0), 0) ** 2 : maxEditLength ** 2;
    if (!changes) this.out.push({ del: a, ins: b });
    else for (const c of changes) this.out.push(c.added ? { del: '', ins: c.value } : c.removed ? { del: c.value, ins: '' } : { eq: c.value });
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
    const anchors = size > CHAR_DIFF_LIMIT && depth < 8 && ma.length > 0 && mb.length > 0 ? longestOrdered(anchorPairs(ma, mb)) : [];
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
function anchorPairs(ta: readonly string[], tb: readonly string[]): [number, number][] {
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
function longestOrdered(pairs: [number, number][]): [number, number][] {
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

function diffWithin(a: string, b: string, budget: Budget): DiffOp[] {
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

export const DIFF_FIELDS = ['kind', 'kicker', 'headline', 'subheadline', 'source', 'bylines', 'correspondents'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldDiff {
  field: DiffField;
  changed: boolean;
  ops: DiffOp[];
}

/** One body block's fate; a and b are block indexes in the old and the new body. */
export type BlockDiff =
  | { op: 'equal'; a: number; b: number; type: BlockType }
  | { op: 'delete'; a: number; type: BlockType; ops: DiffOp[] }
  | { op: 'insert'; b: number; type: BlockType; ops: DiffOp[] }
  | {
      op: 'modify';
      a: number;
      b: number;
      type: BlockType;
      /** Set when the block changed kind too (a paragraph made a subhead). */
      previousType?: BlockType;
      /** The text of a text block; for a photo, its caption. */
      ops: DiffOp[];
      /** A photo's printed credit. */
      credit?: DiffOp[];
    };

export interface ArticleDiff {
  changed: boolean;
  fields: FieldDiff[];
  body: BlockDiff[];
}

/** Below this likeness two blocks are different paragraphs, not one edited. */
const SAME_BLOCK = 0.3;

type FieldSource = Pick<ArticleContent, 'kind' | 'kicker' | 'headline' | 'subheadline' | 'source' | 'bylines' | 'correspondents'>;

/** People read as the paper prints them: 全媒体记者 甲、记者 乙. */
function fieldText(content: FieldSource, field: DiffField): string {
  if (field === 'bylines') return content.bylines.map((b) => `${b.role} ${b.name}`).join('、');
  if (field === 'correspondents') return content.correspondents.map((c) => c.name).join('、');
  return content[field];
}

const creditText = (block: Block) => (block.type === 'photo' && block.credit ? formatPhotoCredit(block.credit) : '');
const mainText = (block: Block) => (block.type === 'photo' ? block.caption : blockText(block));
/** Identity for alignment: two blocks are equal when type, text and (for photos) picture and credit are. */
const blockKey = (block: Block) =>
  block.type === 'photo' ? `photo\u0000${block.asset ?? ''}\u0000${block.caption}\u0000${creditText(block)}` : `${block.type}\u0000${blockText(block)}`;

type Bigrams = { counts: Map<number, number>; total: number };

/** Bigrams keyed by number (two code points), which a Map looks up far faster than strings. */
function bigrams(text: string): Bigrams {
  const counts = new Map<number, number>();
  let prev = -1;
  let total = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (prev >= 0) {
      const key = prev * 0x110000 + cp;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total++;
    }
    prev = cp;
  }
  return { counts, total };
}

/** Dice coefficient of two bigram sets: near 1 for an edited paragraph, near 0 for another one. */
function alike(a: Bigrams, b: Bigrams): number {
  if (a.total + b.total === 0) return 1;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [g, n] of small.counts) common += Math.min(n, large.counts.get(g) ?? 0);
  return (2 * common) / (a.total + b.total);
}

/** Gaps between anchored blocks are aligned by jsdiff up to this many block edits; past it, rewritten. */
const MAX_BLOCK_EDITS = 40;
/** How far ahead among the inserted blocks a deleted block looks for its edited self. */
const PAIR_WINDOW = 8;

/**
 * Aligns the bodies block by block: blocks both versions share, in order, anchor (as for long
 * texts), and the gaps between are aligned with jsdiff's array diff on block identity. Within
 * each change a deleted block is paired, in order, with the first inserted block it is an edit
 * of: two photos, or two text blocks alike by bigrams (cheap, so a rewritten article does not
 * cost a character diff per candidate pair). Pairs are diffed by character.
 */
function diffBodies(oldBody: readonly Block[], newBody: readonly Block[], budget: Budget): BlockDiff[] {
  const out: BlockDiff[] = [];
  const grams = new Map<Block, Bigrams>();
  const gramsOf = (block: Block) => grams.get(block) ?? grams.set(block, bigrams(mainText(block))).get(block)!;
  const pair = (r: number, i: number): BlockDiff | null => {
    const [o, n] = [oldBody[r]!, newBody[i]!];
    if ((o.type === 'photo') !== (n.type === 'photo')) return null;
    if (n.type !== 'photo' && alike(gramsOf(o), gramsOf(n)) < SAME_BLOCK) return null;
    const ops = diffWithin(mainText(o), mainText(n), budget);
    const credit = n.type === 'photo' ? { credit: diffWithin(creditText(o), creditText(n), budget) } : {};
    return { op: 'modify', a: r, b: i, type: n.type, ...(o.type !== n.type ? { previousType: o.type } : {}), ops, ...credit };
  };
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    let next = 0;
    for (const r of removed) {
      let paired: BlockDiff | null = null;
      let k = next;
      for (; k < Math.min(added.length, next + PAIR_WINDOW) && !paired; k++) paired = pair(r, added[k]!);
      if (!paired) {
        out.push(deleted(oldBody[r]!, r));
        continue;
      }
      for (const i of added.slice(next, k - 1)) out.push(inserted(newBody[i]!, i));
      out.push(paired);
      next = k;
    }
    for (const i of added.slice(next)) out.push(inserted(newBody[i]!, i));
    removed = [];
    added = [];
  };
  const equal = (a: number, b: number) => {
    flush();
    out.push({ op: 'equal', a, b, type: newBody[b]!.type });
  };
  const ka = oldBody.map(blockKey);
  const kb = newBody.map(blockKey);
  let a = 0;
  let b = 0;
  for (const [x, y] of [...longestOrdered(anchorPairs(ka, kb)), [ka.length, kb.length] as const]) {
    const changes = diffArrays(ka.slice(a, x), kb.slice(b, y), { maxEditLength: MAX_BLOCK_EDITS });
    if (!changes) {
      while (a < x) removed.push(a++);
      while (b < y) added.push(b++);
    }
    for (const change of changes ?? []) {
      for (let i = 0; i < change.count; i++) {
        if (change.removed) removed.push(a++);
        else if (change.added) added.push(b++);
        else equal(a++, b++);
      }
    }
    if (x < ka.length) equal(a++, b++);
  }
  flush();
  return out;
}

function deleted(block: Block, a: number): BlockDiff {
  return { op: 'delete', a, type: block.type, ops: mainText(block) ? [{ op: 'delete', text: mainText(block) }] : [] };
}

function inserted(block: Block, b: number): BlockDiff {
  return { op: 'insert', b, type: block.type, ops: mainText(block) ? [{ op: 'insert', text: mainText(block) }] : [] };
}

/** What changed between two versions of an article: each headline and people field, and the body block by block. */
export function diffArticles(a: FieldSource & Pick<ArticleContent, 'body'>, b: FieldSource & Pick<ArticleContent, 'body'>): ArticleDiff {
  const budget = { left: ARTICLE_DIFF_BUDGET };
  const fields = DIFF_FIELDS.map((field): FieldDiff => {
    const before = fieldText(a, field);
    const after = fieldText(b, field);
    return { field, changed: before !== after, ops: diffWithin(before, after, budget) };
  });
  const body = diffBodies(a.body, b.body, budget);
  return { changed: fields.some((f) => f.changed) || body.some((d) => d.op !== 'equal'), fields, body };
}
