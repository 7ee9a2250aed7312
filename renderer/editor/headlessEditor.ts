/** The story editor without React or a DOM (withStoryCore over history), holding a body and a suggestion session. */
import { createEditor, Editor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import './customTypes';
import type { StoryEditor } from './customTypes';
import { startSession } from './suggestions/session';
import type { StoryDocument } from '../../shared/model/document';
import { withStoryCore } from './withStoryCore';

export type HeadlessSession = Parameters<typeof startSession>[1];

/** A normalized editor over a copy of `body`, the caret at its start. */
export function headlessStoryEditor(body: StoryDocument, session: HeadlessSession): StoryEditor {
  const editor = withStoryCore(withHistory(createEditor())) as unknown as StoryEditor;
  editor.children = structuredClone(body) as Descendant[];
  startSession(editor, session);
  Editor.normalize(editor, { force: true });
  editor.selection = { anchor: Editor.start(editor, []), focus: Editor.start(editor, []) };
  return editor;
}
