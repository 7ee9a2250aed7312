/** Paste and drop of foreign text: HTML is cleaned to our blocks, plain text split and column breaks repaired. */
import { type Editor, Transforms } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { Block } from '../../../shared/model/document';
import { cleanForeignText, stripUnsafeInValue } from '../../../shared/rules/unsafeText';
import type { StoryEditor } from '../customTypes';
import { htmlToBlocks } from '../paste/htmlToBlocks';
import { plainTextParagraphs } from '../paste/plainTextParagraphs';

/** Slate's own fragments (copy inside the editor) keep their structure; everything else is ours to clean. */
const SLATE_FRAGMENT = 'application/x-slate-fragment';

/** Pasted text never carries control characters into the story: they are removed here and the editor told. */
function cleanBlocks(editor: Editor, blocks: Block[], alreadyRemoved = 0, alreadyCodes: string[] = []): Block[] {
  const clean = stripUnsafeInValue(blocks);
  const removed = alreadyRemoved + clean.removed;
  if (removed > 0)
    (editor as StoryEditor).onPasteCleaned?.(removed, [...new Set([...alreadyCodes, ...clean.codePoints])]);
  return clean.value;
}

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
        insertBlocks(editor, cleanBlocks(editor, blocks));
        return;
      }
    }
    const raw = data.getData('text/plain');
    if (raw) {
      // Cleaned before splitting, so a vertical tab or form feed does not decide where paragraphs break.
      const text = cleanForeignText(raw);
      insertBlocks(
        editor,
        cleanBlocks(
          editor,
          plainTextParagraphs(text.text).map((t) => ({ type: 'paragraph', children: [{ text: t }] })),
          text.removed,
          text.codePoints,
        ),
      );
    }
  };
  return editor;
}
