/** Field-by-field and block-by-block comparison of two versions of an article. */
import { diffArrays } from 'diff';
import type { ArticleContent, Placement } from '../model/article';
import type { Block, BlockType } from '../model/document';
import { blockText } from '../model/document';
import { formatPhotoCredit } from '../model/people';
import { ARTICLE_FIELDS, type ArticleField } from '../model/articleFields';
import {
  anchorPairs,
  CHAR_DIFF_BUDGET_FOR_ARTICLE,
  diffWithin,
  longestOrdered,
  type Budget,
  type DiffOp,
} from './textDiff';

export type { DiffOp } from './textDiff';

/** One article diff shares a budget across all its fields and blocks: a rewrite stays fast. */
const ARTICLE_DIFF_BUDGET = CHAR_DIFF_BUDGET_FOR_ARTICLE;

/** The desk note is the desk's talk about the story, not the story: a comparison leaves it out. */
type ComparedField = Exclude<ArticleField, 'deskNote'>;
export type DiffField = ComparedField | 'placement';
export const DIFF_FIELDS: readonly DiffField[] = [
  ...ARTICLE_FIELDS.filter((f): f is ComparedField => f !== 'deskNote'),
  'placement',
];

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

/** Placement is the article's, not its content's: a content-only comparison has none. */
type FieldSource = Pick<ArticleContent, ComparedField> & { placement?: Placement | null };

/** Where the story sits, as one line a diff can mark up: issue date, page, slot and order in the slot. */
export function placementText(placement: Placement | null | undefined): string {
  if (!placement) return '';
  return `${placement.issueDate} ${placement.page} ${placement.slotId} #${placement.order + 1}`;
}

/** People read as the paper prints them: 全媒体记者 甲、记者 乙. */
function fieldText(content: FieldSource, field: DiffField): string {
  if (field === 'bylines') return content.bylines.map((b) => `${b.role} ${b.name}`).join('、');
  if (field === 'correspondents') return content.correspondents.map((c) => c.name).join('、');
  if (field === 'placement') return placementText(content.placement);
  return content[field];
}

const creditText = (block: Block) => (block.type === 'photo' && block.credit ? formatPhotoCredit(block.credit) : '');
const mainText = (block: Block) => (block.type === 'photo' ? block.caption : blockText(block));
/** Identity for alignment: two blocks are equal when type, text and (for photos) picture and credit are. */
const blockKey = (block: Block) =>
  block.type === 'photo'
    ? `photo\u0000${block.asset ?? ''}\u0000${block.caption}\u0000${creditText(block)}`
    : `${block.type}\u0000${blockText(block)}`;

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
    return {
      op: 'modify',
      a: r,
      b: i,
      type: n.type,
      ...(o.type !== n.type ? { previousType: o.type } : {}),
      ops,
      ...credit,
    };
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
export function diffArticles(
  a: FieldSource & Pick<ArticleContent, 'body'>,
  b: FieldSource & Pick<ArticleContent, 'body'>,
): ArticleDiff {
  const budget = { left: ARTICLE_DIFF_BUDGET };
  const fields = DIFF_FIELDS.map((field): FieldDiff => {
    const before = fieldText(a, field);
    const after = fieldText(b, field);
    return { field, changed: before !== after, ops: diffWithin(before, after, budget) };
  });
  const body = diffBodies(a.body, b.body, budget);
  return { changed: fields.some((f) => f.changed) || body.some((d) => d.op !== 'equal'), fields, body };
}
