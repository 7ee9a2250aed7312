/**
 * Accepting and rejecting suggestions (留痕) on a story body, as a pure function: the editor,
 * the counts, the checks and the export all see the same answer. Untouched blocks keep their
 * identity, so the editor replaces only what changed.
 */
import type { Block, FormattedText, StoryDocument, TextBlock } from '../../model/document';
import type { Decide, Decision } from './decision';
import { resolvePhoto } from './photoSuggestions';

export type { Decide, Decision } from './decision';

/** Leaf keys that are not formatting or anchors: the text and the suggestion ids. */
const TRACKED_KEYS = new Set(['text', 'ins', 'del']);

function hasTrackedLeaf(block: TextBlock): boolean {
  for (const leaf of block.children) if (leaf.ins !== undefined || leaf.del !== undefined) return true;
  return false;
}

/** A leaf after deciding its ids, or null when its text goes. */
function resolveLeaf(leaf: FormattedText, decide: Decide): FormattedText | null {
  const ins = leaf.ins === undefined ? null : decide(leaf.ins);
  const del = leaf.del === undefined ? null : decide(leaf.del);
  if (ins === 'reject' || del === 'accept') return null;
  if (ins === null && del === null) return leaf;
  const out: FormattedText = { ...leaf };
  if (ins === 'accept') delete out.ins;
  if (del === 'reject') delete out.del;
  return out;
}

function sameMarks(a: FormattedText, b: FormattedText): boolean {
  const ka = Object.keys(a).filter((k) => k !== 'text');
  const kb = Object.keys(b).filter((k) => k !== 'text');
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (Array.isArray(va) && Array.isArray(vb)) {
      if (va.length !== vb.length || va.some((v, i) => v !== vb[i])) return false;
    } else if (va !== vb) return false;
  }
  return true;
}

/** As Slate normalises: neighbours with the same marks merge, empty leaves go unless one must stay. */
export function normalizeLeaves(leaves: readonly FormattedText[]): FormattedText[] {
  const out: FormattedText[] = [];
  for (const leaf of leaves) {
    if (leaf.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, leaf)) out[out.length - 1] = { ...last, text: last.text + leaf.text };
    else out.push(leaf);
  }
  if (out.length === 0) {
    const first = leaves[0];
    const empty: FormattedText = { text: '' };
    if (first?.bold) empty.bold = true;
    if (first?.italic) empty.italic = true;
    out.push(empty);
  }
  return out;
}

function withoutBoundary(block: TextBlock, dropSplit: boolean, dropJoin: boolean): TextBlock {
  const out = { ...block };
  if (dropSplit) delete out.split;
  if (dropJoin) delete out.join;
  return out;
}

/**
 * Applies decisions to every suggestion in the body. A boundary between two blocks goes when its
 * split is rejected or its join accepted; the later block's text then joins the earlier block.
 */
export function resolveSuggestions(body: StoryDocument, decide: Decide): StoryDocument {
  const out: Block[] = [];
  for (const block of body) {
    if (block.type === 'photo') {
      out.push(resolvePhoto(block, decide));
      continue;
    }
    let next: TextBlock = block;
    if (hasTrackedLeaf(block)) {
      const kept: FormattedText[] = [];
      let changed = false;
      for (const leaf of block.children) {
        const r = resolveLeaf(leaf, decide);
        if (r !== leaf) changed = true;
        if (r) kept.push(r);
      }
      if (changed) next = { ...block, children: normalizeLeaves(kept) } as TextBlock;
    }
    const split = block.split === undefined ? null : decide(block.split);
    const join = block.join === undefined ? null : decide(block.join);
    const prev = out[out.length - 1];
    if ((split === 'reject' || join === 'accept') && prev && prev.type !== 'photo') {
      out[out.length - 1] = {
        ...prev,
        children: normalizeLeaves([...prev.children, ...next.children]),
      } as TextBlock;
      continue;
    }
    if (split !== null || join !== null) next = withoutBoundary(next, split !== null, join !== null);
    out.push(next);
  }
  return out.length > 0 ? (out as StoryDocument) : body;
}

export const acceptAll = (body: StoryDocument): StoryDocument => resolveSuggestions(body, () => 'accept');
export const rejectAll = (body: StoryDocument): StoryDocument => resolveSuggestions(body, () => 'reject');

export function resolveOne(body: StoryDocument, id: string, decision: Decision): StoryDocument {
  return resolveSuggestions(body, (x) => (x === id ? decision : null));
}

export function resolveMany(body: StoryDocument, ids: ReadonlySet<string>, decision: Decision): StoryDocument {
  return resolveSuggestions(body, (x) => (ids.has(x) ? decision : null));
}

/** Leaf keys other than the text and suggestion ids, for callers that copy formatting only. */
export function formattingOf(leaf: FormattedText): Omit<FormattedText, 'text' | 'ins' | 'del'> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(leaf)) if (!TRACKED_KEYS.has(k)) out[k] = v;
  return out as Omit<FormattedText, 'text' | 'ins' | 'del'>;
}
