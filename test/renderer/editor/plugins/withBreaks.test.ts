// Enter after a 小标题 or quote: fixtures through the shipped chain.
import { describe } from 'vitest';
import { caret, runFixtures } from './editorFixture';

describe('withBreaks', () => {
  runFixtures([
    {
      it: 'Enter at the end of a subhead continues with a plain paragraph',
      input: [{ type: 'subhead', children: [{ text: '项目进展' }] }],
      selection: caret([0, 0], 4),
      operation: (editor) => editor.insertBreak(),
      expected: [
        { type: 'subhead', children: [{ text: '项目进展' }] },
        { type: 'paragraph', children: [{ text: '' }] },
      ],
      expectedSelection: caret([1, 0], 0),
    },
    {
      it: 'Enter at the end of a quote continues with a plain paragraph',
      input: [{ type: 'quote', children: [{ text: '“稳增长”' }] }],
      selection: caret([0, 0], 5),
      operation: (editor) => editor.insertBreak(),
      expected: [
        { type: 'quote', children: [{ text: '“稳增长”' }] },
        { type: 'paragraph', children: [{ text: '' }] },
      ],
    },
    {
      it: 'Enter inside a subhead splits it into two subheads',
      input: [{ type: 'subhead', children: [{ text: '项目进展' }] }],
      selection: caret([0, 0], 2),
      operation: (editor) => editor.insertBreak(),
      expected: [
        { type: 'subhead', children: [{ text: '项目' }] },
        { type: 'subhead', children: [{ text: '进展' }] },
      ],
    },
    {
      it: 'Enter at the end of a paragraph opens another paragraph',
      input: [{ type: 'paragraph', children: [{ text: '正文' }] }],
      selection: caret([0, 0], 2),
      operation: (editor) => editor.insertBreak(),
      expected: [
        { type: 'paragraph', children: [{ text: '正文' }] },
        { type: 'paragraph', children: [{ text: '' }] },
      ],
    },
  ]);
});
