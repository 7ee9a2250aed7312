// Text typed while a photo holds the selection is kept after it: fixtures through the shipped chain.
import { describe } from 'vitest';
import type { PhotoElement } from '../../../../shared/model/document';
import { caret, runFixtures } from './editorFixture';

const photo: PhotoElement = { type: 'photo', asset: 'a.jpg', caption: '', credit: null, children: [{ text: '' }] };

describe('withTextAtPhotos', () => {
  runFixtures([
    {
      it: 'typing on a photo followed by text opens a new paragraph after the photo',
      input: [photo, { type: 'paragraph', children: [{ text: '下一段' }] }],
      selection: caret([0, 0], 0),
      operation: (editor) => editor.insertText('新'),
      expected: [
        photo,
        { type: 'paragraph', children: [{ text: '新' }] },
        { type: 'paragraph', children: [{ text: '下一段' }] },
      ],
      expectedSelection: caret([1, 0], 1),
    },
    {
      it: 'typing on a trailing photo fills the empty paragraph kept after it',
      input: [photo, { type: 'paragraph', children: [{ text: '' }] }],
      selection: caret([0, 0], 0),
      operation: (editor) => editor.insertText('新'),
      expected: [photo, { type: 'paragraph', children: [{ text: '新' }] }],
    },
  ]);
});
