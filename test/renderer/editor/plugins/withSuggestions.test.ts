// Suggestion mode turns typing and deleting into tracked changes: fixtures through the shipped chain.
import { describe } from 'vitest';
import { caret, runFixtures } from './editorFixture';

describe('withSuggestions', () => {
  runFixtures([
    {
      it: 'typing in suggestion mode inserts text carrying a new change id',
      input: [{ type: 'paragraph', children: [{ text: '今天' }] }],
      selection: caret([0, 0], 2),
      suggesting: true,
      operation: (editor) => editor.insertText('好'),
      expected: [{ type: 'paragraph', children: [{ text: '今天' }, { text: '好', ins: 'S1' }] }],
    },
    {
      it: 'deleting backward in suggestion mode strikes the character instead of removing it',
      input: [{ type: 'paragraph', children: [{ text: '今天好' }] }],
      selection: caret([0, 0], 3),
      suggesting: true,
      operation: (editor) => editor.deleteBackward('character'),
      expected: [{ type: 'paragraph', children: [{ text: '今天' }, { text: '好', del: 'S1' }] }],
    },
    {
      it: 'typing with suggestion mode off edits the text plainly',
      input: [{ type: 'paragraph', children: [{ text: '今天' }] }],
      selection: caret([0, 0], 2),
      operation: (editor) => editor.insertText('好'),
      expected: [{ type: 'paragraph', children: [{ text: '今天好' }] }],
    },
  ]);
});
