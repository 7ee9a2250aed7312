/**
 * The story's editing rules that need no DOM: well-formed blocks, photo fields, breaks after a subhead,
 * suggestion mode and text typed at a photo. createStoryEditor wraps it with the React-side plugins
 * (paste, clipboard, chunking); Node tests and benches run it as it ships.
 */
import type { Editor } from 'slate';
import { withBlocks } from './plugins/withBlocks';
import { withBreaks } from './plugins/withBreaks';
import { withPhotos } from './plugins/withPhotos';
import { withSuggestions } from './plugins/withSuggestions';
import { withTextAtPhotos } from './plugins/withTextAtPhotos';

export function withStoryCore<E extends Editor>(editor: E): E {
  // Order matters: later plugins wrap earlier ones, so their normalizers run first and call through.
  // withSuggestions sits outside withBreaks, so a suggested split still continues a subhead with a paragraph.
  return withTextAtPhotos(withSuggestions(withBreaks(withPhotos(withBlocks(editor)))));
}
