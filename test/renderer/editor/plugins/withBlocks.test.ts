// A well-formed body: fixtures through the shipped chain.
import { Transforms } from 'slate';
import { describe } from 'vitest';
import { runFixtures } from './editorFixture';

describe('withBlocks', () => {
  runFixtures([
    {
      it: 'removing the only block leaves one empty paragraph to type into',
      input: [{ type: 'paragraph', children: [{ text: '唯一一段' }] }],
      operation: (editor) => Transforms.removeNodes(editor, { at: [0] }),
      expected: [{ type: 'paragraph', children: [{ text: '' }] }],
    },
    {
      it: 'stray top-level text is wrapped in a paragraph, never dropped',
      input: [{ type: 'paragraph', children: [{ text: '第一段' }] }],
      operation: (editor) => Transforms.insertNodes(editor, { text: '散落的字' }, { at: [1] }),
      expected: [
        { type: 'paragraph', children: [{ text: '第一段' }] },
        { type: 'paragraph', children: [{ text: '散落的字' }] },
      ],
    },
    {
      it: 'a block nested inside a paragraph is unwrapped into its text',
      input: [{ type: 'paragraph', children: [{ text: '外层' }] }],
      operation: (editor) =>
        Transforms.insertNodes(editor, { type: 'subhead', children: [{ text: '内层' }] }, { at: [0, 1] }),
      expected: [{ type: 'paragraph', children: [{ text: '外层内层' }] }],
    },
  ]);
});
