/** Enter after a 小标题 or quote continues with a plain paragraph, as body copy always follows a subhead. */
import { Editor, Element, Range, Transforms } from 'slate';

const ENDS_WITH_PARAGRAPH = new Set(['subhead', 'quote']);

export function withBreaks<E extends Editor>(editor: E): E {
  const { insertBreak } = editor;
  editor.insertBreak = () => {
    const sel = editor.selection;
    const entry =
      sel && Range.isCollapsed(sel)
        ? Editor.above(editor, { match: (n) => Element.isElement(n), mode: 'highest' })
        : undefined;
    const atEnd = entry && sel ? Editor.isEnd(editor, sel.anchor, entry[1]) : false;
    insertBreak();
    if (entry && atEnd && ENDS_WITH_PARAGRAPH.has(entry[0].type)) {
      Transforms.setNodes(editor, { type: 'paragraph' }, { match: (n) => Element.isElement(n), mode: 'highest' });
    }
  };
  return editor;
}
