/** Comment anchors (批注) on the body's text: an id added to every leaf in a range, overlapping ranges allowed. */
import { Editor, type Point, Range, Text, Transforms, type Path } from 'slate';
import type { FormattedText } from '../../../shared/model/document';

/** Adds a comment id to the text of a range; returns the commented words, or null for an empty range. */
export function anchorComment(editor: Editor, range: Range, id: string): string | null {
  if (Range.isCollapsed(range)) return null;
  const quote = Editor.string(editor, range);
  Editor.withoutNormalizing(editor, () => {
    const ref = Editor.rangeRef(editor, range, { affinity: 'inward' });
    for (const edge of [Range.end(range), Range.start(range)]) {
      const point: Point | null =
        edge === Range.end(range) ? ref.current && Range.end(ref.current) : ref.current && Range.start(ref.current);
      if (!point) continue;
      const leaf = Editor.leaf(editor, point)[0];
      if (point.offset > 0 && point.offset < leaf.text.length)
        Transforms.splitNodes(editor, { at: point, match: Text.isText });
    }
    const at = ref.unref()!;
    const leaves = Array.from(Editor.nodes(editor, { at, match: Text.isText })) as [FormattedText, Path][];
    for (const [leaf, path] of leaves) {
      const overlap = Range.intersection(at, Editor.range(editor, path));
      if (!overlap || Range.isCollapsed(overlap)) continue;
      const ids = leaf.comments ?? [];
      if (!ids.includes(id)) Transforms.setNodes(editor, { comments: [...ids, id] }, { at: path });
    }
  });
  return quote;
}

/** The range a comment covers now (first to last leaf carrying it), to select it from the thread. */
export function commentRange(editor: Editor, id: string): Range | null {
  let first: Path | null = null;
  let last: Path | null = null;
  for (const [, path] of Editor.nodes(editor, {
    at: [],
    match: (n) => Text.isText(n) && (n as FormattedText).comments?.includes(id) === true,
  })) {
    first ??= path;
    last = path;
  }
  if (!first || !last) return null;
  return { anchor: Editor.start(editor, first), focus: Editor.end(editor, last) };
}
