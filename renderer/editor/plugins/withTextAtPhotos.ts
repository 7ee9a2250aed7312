/**
 * Text typed or composed while a photo block holds the selection goes into a new paragraph
 * after the photo. Slate's insertText returns silently when the insertion point is inside a
 * void, so an IME commit (or a keystroke) on a selected photo was simply lost.
 */
import { Editor, Element, Node, Path, Range, Transforms } from 'slate';

export function withTextAtPhotos<E extends Editor>(editor: E): E {
  const { insertText } = editor;
  editor.insertText = (text, options) => {
    const sel = editor.selection;
    if (options?.at || !sel || text.length === 0) {
      insertText(text, options);
      return;
    }
    // A selection ending on a photo is replaced like any other; Slate would otherwise refuse the whole insert.
    if (Range.isExpanded(sel) && Editor.void(editor, { at: Range.end(sel) })) Editor.deleteFragment(editor);
    const at = editor.selection;
    const photo = at && Range.isCollapsed(at) ? Editor.void(editor, { at }) : undefined;
    if (!photo) {
      insertText(text, options);
      return;
    }
    // Moving the selection clears pending marks (bold switched on before typing); carry them over.
    const marks = editor.marks;
    const next = Path.next(photo[1]);
    const following = Node.has(editor, next) ? Node.get(editor, next) : null;
    // The empty paragraph kept after a trailing photo is where the text belongs; otherwise open a new one.
    if (!(
      following &&
      Element.isElement(following) &&
      following.type !== 'photo' &&
      Editor.isEmpty(editor, following)
    )) {
      Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: next });
    }
    Transforms.select(editor, Editor.start(editor, next));
    editor.marks = marks;
    insertText(text, options);
  };
  return editor;
}
