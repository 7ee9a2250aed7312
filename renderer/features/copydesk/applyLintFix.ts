/**
 * Applies punctuation fixes to the live Slate body as transforms, so one Ctrl+Z takes a
 * whole accept back and bold or italic runs stay where they were (the replacement takes
 * the marks of the leaf it starts in, as replaceInLeaves in shared/rules/fixArticle does).
 */
import { Editor, Element, Node, Transforms, type Point } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { ArticleFinding, TextFix } from '../../../shared/rules/punctuation';
import { applyFixes } from '../../../shared/rules/punctuation';
import type { StoryEditor } from '../../editor/customTypes';

/**
 * The Slate point at a character offset of a text block. A start sits in the leaf holding the
 * character at that offset; an end in the leaf holding the character before it, so a fix
 * touching one leaf never reaches into its neighbour.
 */
export function pointInBlock(editor: Editor, block: number, offset: number, edge: 'start' | 'end'): Point {
  const element = Node.get(editor, [block]);
  if (!Element.isElement(element) || element.type === 'photo') throw new Error(`block ${block} is not a text block`);
  const leaves = element.children;
  let from = 0;
  for (const [i, leaf] of leaves.entries()) {
    const to = from + leaf.text.length;
    const inside = edge === 'start' ? from <= offset && offset < to : from < offset && offset <= to;
    if (inside) return { path: [block, i], offset: offset - from };
    from = to;
  }
  if (offset === 0) return { path: [block, 0], offset: 0 };
  const lastIndex = leaves.length - 1;
  return { path: [block, lastIndex], offset: leaves[lastIndex]!.text.length };
}

/** Right to left within a block so earlier offsets stay valid; a fix overlapping one already taken waits for the next lint. */
function rightToLeft(fixes: readonly TextFix[]): TextFix[] {
  const ordered = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  const chosen: TextFix[] = [];
  let limit = Infinity;
  for (const fix of ordered) {
    if (fix.end > limit) continue;
    chosen.push(fix);
    limit = fix.start;
  }
  return chosen;
}

/** Applies the body and caption findings (headline fields are the screen's state, not Slate's); returns how many applied. */
export function applyBodyFixes(editor: StoryEditor, findings: readonly ArticleFinding[]): number {
  const byBlock = new Map<number, ArticleFinding[]>();
  for (const f of findings) {
    if (!f.fix || !('block' in f.location)) continue;
    const list = byBlock.get(f.location.block) ?? [];
    list.push(f);
    byBlock.set(f.location.block, list);
  }
  let applied = 0;
  // One history batch: the whole accept is one step to undo.
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      for (const [block, here] of byBlock) {
        const node = editor.children[block];
        if (!node || !Element.isElement(node)) continue;
        if (node.type === 'photo') {
          const caption = applyFixes(node.caption, here);
          if (caption !== node.caption) {
            Transforms.setNodes(editor, { caption }, { at: [block] });
            applied += here.length;
          }
          continue;
        }
        for (const fix of rightToLeft(here.map((f) => f.fix!))) {
          const anchor = pointInBlock(editor, block, fix.start, 'start');
          const focus = fix.end === fix.start ? anchor : pointInBlock(editor, block, fix.end, 'end');
          Transforms.insertText(editor, fix.replacement, { at: { anchor, focus }, select: false });
          applied++;
        }
      }
    });
  });
  return applied;
}
