/** The story editor without React or a DOM (withStoryCore over history), holding a body, the header fields and a suggestion session. */
import { createEditor, Editor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import './customTypes';
import type { StoryEditor } from './customTypes';
import { startSession } from './suggestions/session';
import type { StoryDocument } from '../../shared/model/document';
import type { ArticleContent } from '../../shared/model/article';
import { startFields } from './fields/fieldStore';
import { withStoryCore } from './withStoryCore';

export type HeadlessSession = Parameters<typeof startSession>[1];

type HeaderFields = Pick<
  ArticleContent,
  'kicker' | 'headline' | 'subheadline' | 'source' | 'deskNote' | 'bylines' | 'correspondents' | 'tracked'
>;

/** A normalized editor over a copy of `body` (and the header fields, if given), the caret at its start. */
export function headlessStoryEditor(body: StoryDocument, session: HeadlessSession, fields?: HeaderFields): StoryEditor {
  const editor = withStoryCore(withHistory(createEditor())) as unknown as StoryEditor;
  editor.children = structuredClone(body) as Descendant[];
  startSession(editor, session);
  if (fields) startFields(editor, structuredClone(fields));
  Editor.normalize(editor, { force: true });
  editor.selection = { anchor: Editor.start(editor, []), focus: Editor.start(editor, []) };
  return editor;
}
