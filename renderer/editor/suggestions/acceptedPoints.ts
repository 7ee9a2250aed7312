/**
 * Offsets in the body as it reads with every suggestion accepted (what find, the checks and the
 * counts see) mapped to points in the body as it is, struck text and pending joins included.
 */
import { Editor, Node, Range, Transforms, type Descendant, type Point } from 'slate';
import type { Block, FormattedText } from '../../../shared/model/document';
import { formattingOf } from '../../../shared/rules/suggestions/resolveSuggestions';
import { recordChange, suggesting } from './session';
import { suggestDeleteRange } from './suggestDelete';

/** For each block of the accepted body, the blocks it is made of (more than one where a join is pending). */
export function acceptedBlocks(children: readonly Descendant[]): number[][] {
  const groups: number[][] = [];
  children.forEach((node, b) => {
    const block = node as Block;
    const last = groups[groups.length - 1];
    const lastBlock = last && (children[last[0]!] as Block);
    // As accept-all resolves: a join merges into the block before unless that is a photo.
    if (block.type !== 'photo' && block.join !== undefined && last && lastBlock!.type !== 'photo') last.push(b);
    else groups.push([b]);
  });
  return groups;
}

/** The accepted text of each accepted block, in order (photos have none). */
export function acceptedTexts(children: readonly Descendant[]): string[] {
  return acceptedBlocks(children).map((group) => {
    let s = '';
    for (const b of group) {
      const block = children[b] as Block;
      if (block.type === 'photo') return '';
      for (const leaf of block.children) if (leaf.del === undefined) s += leaf.text;
    }
    return s;
  });
}

/**
 * The point at an accepted offset. A start sits in the leaf holding the character at that offset, an
 * end in the leaf holding the one before it, so a span never reaches into a neighbouring leaf.
 */
export function acceptedPoint(
  children: readonly Descendant[],
  block: number,
  offset: number,
  edge: 'start' | 'end',
  groups: number[][] = acceptedBlocks(children),
): Point {
  const group = groups[block];
  if (!group) throw new Error(`no accepted block ${block}`);
  let from = 0;
  let last: Point | null = null;
  let first: Point | null = null;
  for (const b of group) {
    const el = children[b] as Block;
    if (el.type === 'photo') return { path: [b, 0], offset: 0 };
    for (const [i, leaf] of (el.children as FormattedText[]).entries()) {
      first ??= { path: [b, i], offset: 0 };
      if (leaf.del !== undefined) continue;
      const to = from + leaf.text.length;
      const inside = edge === 'start' ? from <= offset && offset < to : from < offset && offset <= to;
      if (inside) return { path: [b, i], offset: offset - from };
      last = { path: [b, i], offset: leaf.text.length };
      from = to;
    }
  }
  if (offset === 0 || !last) return first ?? { path: [group[0]!, 0], offset: 0 };
  return last;
}

export function acceptedRange(
  children: readonly Descendant[],
  block: number,
  start: number,
  end: number,
  groups?: number[][],
): Range {
  const anchor = acceptedPoint(children, block, start, 'start', groups);
  const focus = start === end ? anchor : acceptedPoint(children, block, end, 'end', groups);
  return { anchor, focus };
}

/**
 * Replaces a span of the body with `text`: in 留痕 mode one `replace` suggestion (the old words struck,
 * the new beside them; the person's own insertions go for real), else an ordinary edit.
 */
export function replaceRange(editor: Editor, range: Range, text: string): void {
  const s = suggesting(editor);
  if (!s) {
    Transforms.insertText(editor, text, { at: range });
    return;
  }
  Editor.withoutNormalizing(editor, () => {
    const endRef = Editor.pointRef(editor, Range.end(range));
    const look = formattingOf(Node.leaf(editor, Range.start(range).path));
    let id: string | undefined;
    if (Range.isExpanded(range))
      suggestDeleteRange(editor, s, range, () => (id ??= recordChange(s, text ? 'replace' : 'delete')));
    const at = endRef.unref();
    if (!text || !at) return;
    Transforms.insertNodes(editor, { ...look, text, ins: id ?? recordChange(s, 'insert') }, { at, select: false });
  });
}
