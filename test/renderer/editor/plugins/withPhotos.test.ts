// Photo blocks keep their fields and a place to type after them: fixtures through the shipped chain.
import { Transforms } from 'slate';
import { describe } from 'vitest';
import type { PhotoElement } from '../../../../shared/model/document';
import { runFixtures } from './editorFixture';

const photo: PhotoElement = { type: 'photo', asset: 'a.jpg', caption: '图说', credit: null, children: [{ text: '' }] };

describe('withPhotos', () => {
  runFixtures([
    {
      it: 'a photo pasted without caption, credit or asset gets them empty',
      input: [
        { type: 'paragraph', children: [{ text: '前' }] },
        { type: 'paragraph', children: [{ text: '后' }] },
      ],
      operation: (editor) =>
        Transforms.insertNodes(editor, { type: 'photo', children: [{ text: '' }] } as unknown as PhotoElement, {
          at: [1],
        }),
      expected: [
        { type: 'paragraph', children: [{ text: '前' }] },
        { type: 'photo', asset: null, caption: '', credit: null, children: [{ text: '' }] },
        { type: 'paragraph', children: [{ text: '后' }] },
      ],
    },
    {
      it: 'removing the paragraph after a trailing photo puts an empty one back',
      input: [
        { type: 'paragraph', children: [{ text: '正文' }] },
        photo,
        { type: 'paragraph', children: [{ text: '' }] },
      ],
      operation: (editor) => Transforms.removeNodes(editor, { at: [2] }),
      expected: [
        { type: 'paragraph', children: [{ text: '正文' }] },
        photo,
        { type: 'paragraph', children: [{ text: '' }] },
      ],
    },
  ]);
});
