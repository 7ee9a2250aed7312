/**
 * Deletion in suggestion mode: text is struck through (a delete id), never removed, except the
 * user's own suggested insertions, which go for real; a deleted paragraph break becomes a join.
 */
import { Editor, Element, Node, Point, Range, Text, Transforms, type Path, type TextUnit } from 'slate';
import type { FormattedText, TextBlock } from '../../../shared/model/document';
import { isOwn, kindOf, lazyId, type SuggestionSession } from './session';

function isInVoid(editor: Editor, path: Path): boolean {
  const parent = Node.parent(editor, path);
  return Element.isElement(parent) && Editor.isVoid(editor, parent);
}

/** Splits a text leaf at a point strictly inside it, so marks can go on exactly one side. */
function splitAt(editor: Editor, point: Point | null): void {
  if (!point) return;
  const leaf = Node.leaf(editor, point.path);
  if (point.offset > 0 && point.offset < leaf.text.length)
    Transforms.splitNodes(editor, { at: point, match: Text.isText });
}

/**
 * Marks the text of a range deleted with one id (made only if needed). Blocks after the first
 * in the range get a join with the same id, or merge for real where the break was the user's own split.
 */
export function suggestDeleteRange(editor: Editor, s: SuggestionSession, range: Range, idFor: () => string): void {
  const [start, end] = Range.edges(range);
  if (Point.equals(start, end)) return;
  Editor.withoutNormalizing(editor, () => {
    const ref = Editor.rangeRef(editor, { anchor: start, focus: end }, { affinity: 'inward' });
    splitAt(editor, ref.current && Range.end(ref.current));
    splitAt(editor, ref.current && Range.start(ref.current));
    const at = ref.current!;
    const leaves = Array.from(
      Editor.nodes(editor, { at, match: (n, p) => Text.isText(n) && !isInVoid(editor, p) }),
    ) as [FormattedText, Path][];
    for (let i = leaves.length - 1; i >= 0; i--) {
      const [leaf, path] = leaves[i]!;
      if (leaf.text === '' || leaf.del !== undefined || !overlaps(editor, at, path)) continue;
      if (isOwn(s, leaf.ins) && kindOf(s, leaf.ins) !== undefined) {
        // Removed as text, not as a node, so the caret keeps a leaf to sit in; the emptied leaf loses its id.
        Transforms.delete(editor, { at: Editor.range(editor, path) });
        Transforms.unsetNodes(editor, ['ins', 'del'], { at: path });
      } else Transforms.setNodes(editor, { del: idFor() }, { at: path });
    }
    const first = at.anchor.path[0]!;
    const last = at.focus.path[0]!;
    for (let b = last; b > first; b--) markJoin(editor, s, b, idFor);
    ref.unref();
  });
}

/** The break before block b is to go: merge for real if it was the user's own split, else suggest a join. */
function markJoin(editor: Editor, s: SuggestionSession, b: number, idFor: () => string): boolean {
  const block = editor.children[b];
  const prev = editor.children[b - 1];
  if (!Element.isElement(block) || !Element.isElement(prev) || block.type === 'photo' || prev.type === 'photo')
    return false;
  if (block.join !== undefined) return true;
  if (block.split !== undefined && isOwn(s, block.split)) {
    mergeIntoPrevious(editor, b);
    return true;
  }
  Transforms.setNodes(editor, { join: idFor() }, { at: [b] });
  return true;
}

/**
 * Merges block b into the one before as rejecting the split would: the earlier block's type and
 * boundary stay (Slate removes an empty earlier block instead, which would keep the wrong ones).
 */
function mergeIntoPrevious(editor: Editor, b: number): void {
  const prev = editor.children[b - 1] as TextBlock;
  const keep = { type: prev.type, split: prev.split, join: prev.join };
  Transforms.mergeNodes(editor, { at: [b] });
  const merged = editor.children[b - 1] as TextBlock;
  if (merged.type !== keep.type) Transforms.setNodes(editor, { type: keep.type }, { at: [b - 1] });
  for (const key of ['split', 'join'] as const) {
    if (merged[key] === keep[key]) continue;
    if (keep[key] === undefined) Transforms.unsetNodes(editor, key, { at: [b - 1] });
    else Transforms.setNodes(editor, { [key]: keep[key] }, { at: [b - 1] });
  }
}

function overlaps(editor: Editor, range: Range, path: Path): boolean {
  const overlap = Range.intersection(range, Editor.range(editor, path));
  return !!overlap && !Range.isCollapsed(overlap);
}

function leafAt(editor: Editor, point: Point): FormattedText | null {
  try {
    return Node.leaf(editor, point.path);
  } catch {
    return null;
  }
}

/** Whether every character in the range is already struck (the caret then moves on past it). */
function allDeleted(editor: Editor, range: Range): boolean {
  for (const [n, p] of Editor.nodes(editor, { at: range, match: Text.isText })) {
    const leaf = n as FormattedText;
    if (leaf.del !== undefined || leaf.text === '') continue;
    if (overlaps(editor, range, p)) return false;
  }
  return true;
}

/** Backspace or Delete with a collapsed caret: strike the next unit of live text, skipping text already struck. */
export function suggestDeleteUnit(editor: Editor, s: SuggestionSession, unit: TextUnit, backward: boolean): void {
  const sel = editor.selection;
  if (!sel) return;
  let from = sel.anchor;
  // Bounded: each step moves past text already struck or a break already joined.
  for (let steps = 0; steps < 10_000; steps++) {
    const next = backward ? Editor.before(editor, from, { unit }) : Editor.after(editor, from, { unit });
    if (!next) return;
    const crossing = next.path[0] !== from.path[0];
    if (crossing) {
      const b = backward ? from.path[0]! : next.path[0]!;
      const block = editor.children[b];
      if (Element.isElement(block) && block.type !== 'photo' && block.join !== undefined) {
        from = backward ? Editor.end(editor, [b - 1]) : Editor.start(editor, [b]);
        continue;
      }
      const reuse = ownAdjacentDelete(editor, s, from, backward);
      const before = editor.children.length;
      if (markJoin(editor, s, b, lazyId(s, 'join', reuse)) && editor.children.length === before) {
        // A suggested join keeps both blocks: the caret steps over the break so the next key goes on deleting.
        Transforms.select(editor, backward ? Editor.end(editor, [b - 1]) : Editor.start(editor, [b]));
      }
      return;
    }
    const range = backward ? { anchor: next, focus: from } : { anchor: from, focus: next };
    if (allDeleted(editor, range)) {
      from = next;
      continue;
    }
    const reuse = ownAdjacentDelete(editor, s, from, backward);
    // The caret ends before the struck text on Backspace and after it on Delete.
    const ref = Editor.pointRef(editor, next);
    suggestDeleteRange(editor, s, range, lazyId(s, 'delete', reuse));
    const caret = ref.unref();
    if (caret) Transforms.select(editor, caret);
    return;
  }
}

/** The user's own delete id on the text right beside the caret, so repeated Backspaces make one change. */
function ownAdjacentDelete(editor: Editor, s: SuggestionSession, from: Point, backward: boolean): string | undefined {
  const leaf = leafAt(editor, from);
  if (!leaf) return undefined;
  let candidate: FormattedText | null = null;
  if (backward) {
    if (from.offset < leaf.text.length) candidate = leaf;
    else {
      const after = Editor.next(editor, { at: from.path, match: Text.isText });
      if (after && after[1][0] === from.path[0]) candidate = after[0] as FormattedText;
    }
  } else if (from.offset > 0) candidate = leaf;
  else {
    const before = Editor.previous(editor, { at: from.path, match: Text.isText });
    if (before && before[1][0] === from.path[0]) candidate = before[0] as FormattedText;
  }
  const id = candidate?.del;
  return id !== undefined && isOwn(s, id) && kindOf(s, id) === 'delete' ? id : undefined;
}
