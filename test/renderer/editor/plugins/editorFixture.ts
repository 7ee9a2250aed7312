// Plugin fixtures in Plate's style: an input value and selection, one operation, the expected value, run
// through the shipped DOM-free chain (headlessStoryEditor = withStoryCore over history) and through
// createStoryEditor itself (slate-react's plugin needs no DOM until it renders).
import { Editor, type BaseSelection, type Descendant } from 'slate';
import { expect, it } from 'vitest';
import type { StoryEditor } from '../../../../renderer/editor/customTypes';
import { createStoryEditor } from '../../../../renderer/editor/createEditor';
import { headlessStoryEditor, type HeadlessSession } from '../../../../renderer/editor/headlessEditor';
import { startSession } from '../../../../renderer/editor/suggestions/session';
import type { StoryDocument } from '../../../../shared/model/document';

export interface EditorFixture {
  /** What the plugin does, as the test's name. */
  it: string;
  input: StoryDocument;
  /** Where the caret or selection is before the operation; the start of the body when left out. */
  selection?: BaseSelection;
  /** With suggestion mode on (ids S1, S2, …). */
  suggesting?: boolean;
  operation: (editor: StoryEditor) => void;
  expected: Descendant[];
  expectedSelection?: BaseSelection;
}

export const caret = (path: number[], offset: number): BaseSelection => ({
  anchor: { path, offset },
  focus: { path, offset },
});

function session(fixture: EditorFixture): HeadlessSession {
  let n = 0;
  return {
    enabled: fixture.suggesting ?? false,
    author: '李编辑',
    role: 'copy-editor',
    changes: [],
    newId: () => `S${++n}`,
    now: () => '2026-12-01T10:00:00.000Z',
  };
}

/** The app's own editor (with React's plugins too), prepared as headlessStoryEditor prepares its own. */
function appEditor(fixture: EditorFixture): StoryEditor {
  const editor = createStoryEditor();
  editor.children = structuredClone(fixture.input) as Descendant[];
  startSession(editor, session(fixture));
  Editor.normalize(editor, { force: true });
  editor.selection = { anchor: Editor.start(editor, []), focus: Editor.start(editor, []) };
  return editor;
}

function check(editor: StoryEditor, fixture: EditorFixture): void {
  if (fixture.selection !== undefined) editor.selection = fixture.selection;
  Editor.withoutNormalizing(editor, () => fixture.operation(editor));
  expect(editor.children).toEqual(fixture.expected);
  if (fixture.expectedSelection !== undefined) expect(editor.selection).toEqual(fixture.expectedSelection);
}

/** Each fixture runs on the headless chain, and on createStoryEditor to show the two are one chain. */
export function runFixtures(fixtures: readonly EditorFixture[]): void {
  for (const fixture of fixtures) {
    it(fixture.it, () => check(headlessStoryEditor(fixture.input, session(fixture)), fixture));
    it(`${fixture.it} (createStoryEditor)`, () => check(appEditor(fixture), fixture));
  }
}
