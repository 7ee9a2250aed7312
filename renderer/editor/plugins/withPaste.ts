/** Paste and drop of foreign text: HTML is cleaned to our blocks, plain text split and column breaks repaired. */
import { type Editor, Transforms } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { Block } from '../../../shared/model/document';
import { htmlToBlocks } from '../paste/htmlToBlocks';
import { plainTextParagraphs } from '../paste/plainTextParagraphs';

/** Slate's own fragments (copy inside the editor) keep their structure; everything else is ours to clean. */
const SLATE_FRAGMENT = 'application/x-slate-fragment';

export function insertBlocks(editor: Editor, blocks: Block[]): void {
  if (blocks.length === 0) return;
  // The first and last pasted blocks merge into the block around the caret, as a reporter expects.
  Transforms.insertFragment(editor, blocks);
}

export function withPaste<E extends Editor & ReactEditor>(editor: E): E {
  const { insertData } = editor;
  editor.insertData = (data) => {
    if (data.types.includes(SLATE_FRAGMENT) || data.files.length > 0) {
      insertData(data);
      return;
    }
    const html = data.getData('text/html');
    if (html) {
      const blocks = htmlToBlocks(html);
      if (blocks.length > 0) {
        insertBlocks(editor, blocks);
        return;
      }
    }
    const text = data.getData('text/plain');
    if (text) {
      insertBlocks(
        editor,
        plainTextParagraphs(text).map((t) => ({ type: 'paragraph', children: [{ text: t }] })),
      );
    }
  };
  return editor;
}
