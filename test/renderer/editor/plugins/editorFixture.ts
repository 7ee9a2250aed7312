// Plugin fixtures in Plate's style: an input value and selection, one operation, the expected value, run
// through the shipped DOM-free chain (headlessStoryEditor = withStoryCore over history).
import { Editor, type BaseSelection, type Descendant } from 'slate';
import { expect, it } from 'vitest';
import type { StoryEditor } from '../../../../renderer/editor/customTypes';
import { headlessStoryEditor } from '../../../../renderer/editor/headlessEditor';
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

export function runFixtures(fixtures: readonly EditorFixture[]): void {
  for (const fixture of fixtures) {
    it(fixture.it, () => {
      let n = 0;
      const editor = headlessStoryEditor(fixture.input, {
        enabled: fixture.suggesting ?? false,
        author: '李编辑',
        role: 'copy-editor',
        changes: [],
        newId: () => `S${++n}`,
        now: () => '2026-12-01T10:00:00.000Z',
      });
      if (fixture.selection !== undefined) editor.selection = fixture.selection;
      Editor.withoutNormalizing(editor, () => fixture.operation(editor));
      expect(editor.children).toEqual(fixture.expected);
      if (fixture.expectedSelection !== undefined) expect(editor.selection).toEqual(fixture.expectedSelection);
    });
  }
}
