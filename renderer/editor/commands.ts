/** Editing commands the toolbar and shortcuts share: marks, block types, soft breaks, photos. */
import { Editor, Element, Range, Transforms } from 'slate';
import type { TextBlock } from '../../shared/model/document';
import { newPhoto } from './plugins/withPhotos';

export type MarkName = 'bold' | 'italic';
export type TextBlockType = TextBlock['type'];

export function isMarkActive(editor: Editor, mark: MarkName): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: Editor, mark: MarkName): void {
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

export function currentBlockType(editor: Editor): Element['type'] | null {
  if (!editor.selection) return null;
  const entry = Editor.above(editor, { at: editor.selection, match: (n) => Element.isElement(n), mode: 'highest' });
  return entry ? entry[0].type : null;
}

/** Sets the selected text blocks to one type; a second press on the same type returns them to paragraphs. */
export function toggleBlockType(editor: Editor, type: TextBlockType): void {
  const next = currentBlockType(editor) === type && type !== 'paragraph' ? 'paragraph' : type;
  Transforms.setNodes(
    editor,
    { type: next },
    { match: (n) => Element.isElement(n) && n.type !== 'photo', mode: 'highest' },
  );
}

/** Shift+Enter: a line break inside the paragraph (a 落款 or address often needs one). */
export function insertSoftBreak(editor: Editor): void {
  Editor.insertText(editor, '\n');
}

/** Inserts a photo block after the caret's block and returns its path. */
export function insertPhotoBlock(editor: Editor, asset: string | null): number[] {
  const sel = editor.selection;
  let index = editor.children.length;
  if (sel) {
    const top = Range.end(sel).path[0] ?? 0;
    const block = editor.children[top];
    const emptyText = block && Element.isElement(block) && block.type !== 'photo' && Editor.isEmpty(editor, block);
    index = emptyText ? top : top + 1;
  }
  Transforms.insertNodes(editor, newPhoto(asset), { at: [index], select: false });
  return [index];
}
