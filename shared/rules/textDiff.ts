/** Character-level diffs that read well in Chinese: between two texts, and field by field between two versions of an article. */
import { diffArrays, diffChars } from 'diff';
import type { ArticleContent } from '../model/article';
import type { Block, BlockType } from '../model/document';
import { blockText } from '../model/document';
import { formatPhotoCredit } from '../model/people';

export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string };

/** Below this many characters (both sides, after the common ends) a plain character diff is cheap. */
const DIRECT_LIMIT = 2000;
/** A changed run of clauses longer than this is a rewrite: shown as replaced, not diffed. */
const RUN_LIMIT = 2000;
/** Edit distance past which a character diff gives up; past it the texts share little worth showing. */
const MAX_EDITS = 600;
/** The same bound for the clause alignment used when no clause is unique. */
const MAX_CLAUSE_EDITS = 200;

type Segment = { eq: string } | { del: string; ins: string };

function cpLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Common prefix length in UTF-16 units, never ending inside a surrogate pair. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i--;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  if (i > 0 && isLowSurrogate(a.charCodeAt(a.length - i))) i--;
  return i;
}

/**
 * Work left for character diffs in one diffText call, in Myers steps (length × edit bound).
 * Text reordered sentence by sentence leaves many mid-sized gaps; past the budget they show
 * as replaced, which is what such a rewrite is.
 */
const CHAR_DIFF_BUDGET = 4_000_000;
let budget = CHAR_DIFF_BUDGET;

/** A character diff, or a plain replacement when the texts are too far apart to diff cheaply. */
function charSegments(a: string, b: string): Segment[] {
  if (!a || !b) return [{ del: a, ins: b }];
  const cost = (a.length + b.length) * Math.min(MAX_EDITS, a.length + b.length);
  if (cost > budget) return [{ del: a, ins: b }];
  budget -= cost;
  const changes = diffChars(a, b, { maxEditLength: MAX_EDITS });
  if (!changes) return [{ del: a, ins: b }];
  return changes.map((c) => (c.added ? { del: '', ins: c.value } : c.removed ? { del: c.value, ins: '' } : { eq: c.value }));
}

/** Clauses end at Chinese or Latin stops, commas and line breaks; the delimiter stays with its clause. */
function clauses(text: string): string[] {
  return text.match(/[^。！？!?；;，,\n\s]*(?:[。！？!?；;，,\n\s]+|$)/gu)?.filter((t) => t.length > 0) ?? [];
}

/** Longest increasing subsequence of pairs by their second index (pairs come sorted by the first). */
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
 * Anchor candidates: a clause that occurs as often in one text as in the other (usually once)
 * pairs its k-th occurrences, so repeated boilerplate still anchors. Sorted by the first index.
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

/**
 * Long texts are aligned patience-style: clauses both texts share, kept in order, are anchors,
 * and the gaps between them are aligned again the same way; a gap small enough is diffed by
 * character. When no anchor is left, jsdiff's array diff aligns the clauses, bounded so a
 * rewrite shows as a replacement rather than a stall.
 */
function alignClauses(ta: string[], tb: string[], out: Segment[], depth: number): void {
  let p = 0;
  while (p < ta.length && p < tb.length && ta[p] === tb[p]) p++;
  let s = 0;
  while (s < ta.length - p && s < tb.length - p && ta[ta.length - 1 - s] === tb[tb.length - 1 - s]) s++;
  if (p > 0) out.push({ eq: ta.slice(0, p).join('') });
  const ma = ta.slice(p, ta.length - s);
  const mb = tb.slice(p, tb.length - s);
  const del = ma.join('');
  const ins = mb.join('');
  const tail = s > 0 ? ta.slice(ta.length - s).join('') : '';
  if (del.length + ins.length <= RUN_LIMIT || ma.length === 0 || mb.length === 0) out.push(...charSegments(del, ins));
  else {
    const anchors = depth < 8 ? longestOrdered(anchorPairs(ma, mb)) : [];
    if (anchors.length > 0) {
      let ia = 0;
      let ib = 0;
      for (const [x, y] of anchors) {
        alignClauses(ma.slice(ia, x), mb.slice(ib, y), out, depth + 1);
        out.push({ eq: ma[x]! });
        ia = x + 1;
        ib = y + 1;
      }
      alignClauses(ma.slice(ia), mb.slice(ib), out, depth + 1);
    } else {
      const changes = diffArrays(ma, mb, { maxEditLength: MAX_CLAUSE_EDITS });
      if (!changes) out.push({ del, ins });
      else {
        let d = '';
        let n = '';
        for (const c of [...changes, { added: false, removed: false, value: [] as string[] }]) {
          if (c.removed) d += c.value.join('');
          else if (c.added) n += c.value.join('');
          else {
            if (d || n) out.push(...(d.length + n.length <= RUN_LIMIT ? charSegments(d, n) : [{ del: d, ins: n }]));
            d = n = '';
            if (c.value.length > 0) out.push({ eq: c.value.join('') });
          }
        }
      }
    }
  }
  if (tail) out.push({ eq: tail });
}

function clauseSegments(a: string, b: string): Segment[] {
  const out: Segment[] = [];
  alignClauses(clauses(a), clauses(b), out, 0);
  return out;
}

/** Consecutive segments of one kind become one: equal runs join, edits join into one change. */
function normalise(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if ('eq' in s) {
      if (!s.eq) continue;
      if (last && 'eq' in last) last.eq += s.eq;
      else out.push({ ...s });
    } else {
      if (!s.del && !s.ins) continue;
      if (last && !('eq' in last)) {
        last.del += s.del;
        last.ins += s.ins;
      } else out.push({ ...s });
    }
  }
  return out;
}

/**
 * Semantic cleanup (after diff-match-patch): an equal island no longer than the edits on both
 * sides of it is folded into them, so 两家企业 → 三家公司 reads as one replacement instead of
 * 两→三, 家, 企业→公司. Merging can make an edit bigger, so earlier islands are looked at again.
 */
function cleanupSemantic(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  const size = (s: { del: string; ins: string }) => Math.max(cpLength(s.del), cpLength(s.ins));
  for (const seg of normalise(segments)) {
    if ('eq' in seg) {
      out.push(seg);
      continue;
    }
    let current = seg;
    for (;;) {
      const island = out[out.length - 1];
      const before = out[out.length - 2];
      if (!island || !before || !('eq' in island) || 'eq' in before) break;
      const n = cpLength(island.eq);
      if (n > Math.min(size(before), size(current))) break;
      out.length -= 2;
      current = { del: before.del + island.eq + current.del, ins: before.ins + island.eq + current.ins };
    }
    out.push(current);
  }
  return out;
}

/** Character-level diff of two texts: deletions come before insertions within each change. */
export function diffText(a: string, b: string): DiffOp[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const p = commonPrefix(a, b);
  const s = commonSuffix(a, b, p);
  budget = CHAR_DIFF_BUDGET;
  const midA = a.slice(p, a.length - s);
  const midB = b.slice(p, b.length - s);
  const middle = midA.length + midB.length <= DIRECT_LIMIT ? charSegments(midA, midB) : clauseSegments(midA, midB);
  const segments = cleanupSemantic([{ eq: a.slice(0, p) }, ...middle, { eq: a.slice(a.length - s) }]);
  const ops: DiffOp[] = [];
  for (const seg of segments) {
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

/** Below this share of unchanged text two blocks are different paragraphs, not one edited. */
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

/** A deleted and an inserted block are one edited block when they are both photos or both text and alike enough. */
function pairBlocks(oldBlock: Block, newBlock: Block, a: number, b: number): BlockDiff | null {
  if ((oldBlock.type === 'photo') !== (newBlock.type === 'photo')) return null;
  const ops = diffText(mainText(oldBlock), mainText(newBlock));
  const credit = newBlock.type === 'photo' ? diffText(creditText(oldBlock), creditText(newBlock)) : undefined;
  const same = similarity(ops);
  if (same < SAME_BLOCK && !(newBlock.type === 'photo' && oldBlock.type === 'photo' && oldBlock.asset === newBlock.asset)) return null;
  return {
    op: 'modify',
    a,
    b,
    type: newBlock.type,
    ...(oldBlock.type !== newBlock.type ? { previousType: oldBlock.type } : {}),
    ops,
    ...(credit ? { credit } : {}),
  };
}

/**
 * Aligns the bodies block by block (jsdiff's array diff on block identity), then pairs the
 * removed and added blocks of each change in order and diffs each pair by character.
 */
function diffBodies(oldBody: readonly Block[], newBody: readonly Block[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  let a = 0;
  let b = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    const rest: BlockDiff[] = [];
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const paired = k < pairs ? pairBlocks(oldBody[removed[k]!]!, newBody[added[k]!]!, removed[k]!, added[k]!) : null;
      if (paired) {
        out.push(paired);
        continue;
      }
      if (k < removed.length) out.push(deleted(oldBody[removed[k]!]!, removed[k]!));
      if (k < added.length) rest.push(inserted(newBody[added[k]!]!, added[k]!));
    }
    out.push(...rest);
    removed = [];
    added = [];
  };
  for (const change of diffArrays(oldBody.map(blockKey), newBody.map(blockKey))) {
    for (let i = 0; i < change.count; i++) {
      if (change.removed) removed.push(a++);
      else if (change.added) added.push(b++);
      else {
        flush();
        out.push({ op: 'equal', a: a++, b: b++, type: newBody[b - 1]!.type });
      }
    }
  }
  flush();
  return out;
}

function deleted(block: Block, a: number): BlockDiff {
  const text = mainText(block);
  return { op: 'delete', a, type: block.type, ops: text ? [{ op: 'delete', text }] : [] };
}

function inserted(block: Block, b: number): BlockDiff {
  const text = mainText(block);
  return { op: 'insert', b, type: block.type, ops: text ? [{ op: 'insert', text }] : [] };
}

/** What changed between two versions of an article: each headline and people field, and the body block by block. */
export function diffArticles(a: FieldSource & Pick<ArticleContent, 'body'>, b: FieldSource & Pick<ArticleContent, 'body'>): ArticleDiff {
  const fields = DIFF_FIELDS.map((field): FieldDiff => {
    const before = fieldText(a, field);
    const after = fieldText(b, field);
    return { field, changed: before !== after, ops: diffText(before, after) };
  });
  const body = diffBodies(a.body, b.body);
  return { changed: fields.some((f) => f.changed) || body.some((d) => d.op !== 'equal'), fields, body };
}
