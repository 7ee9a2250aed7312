/**
 * The story's editing rules that need no DOM: well-formed blocks, photo fields, breaks after a subhead,
 * suggestion mode, text typed at a photo, and one undo history with the header fields. createStoryEditor wraps it with the React-side plugins
 * (paste, clipboard, chunking); Node tests and benches run it as it ships.
 */
import type { Editor } from 'slate';
import { withBlocks } from './plugins/withBlocks';
import { withBreaks } from './plugins/withBreaks';
import { withFieldHistory } from './plugins/withFieldHistory';
import { withPhotos } from './plugins/withPhotos';
import { withSuggestions } from './plugins/withSuggestions';
import { withTextAtPhotos } from './plugins/withTextAtPhotos';

export function withStoryCore<E extends Editor>(editor: E): E {
  // Order matters: later plugins wrap earlier ones, so their normalizers run first and call through.
  // withSuggestions sits outside withBreaks, so a suggested split still continues a subhead with a paragraph.
  // withFieldHistory only wraps undo and redo, so the header fields' edits share the body's history.
  return withFieldHistory(withTextAtPhotos(withSuggestions(withBreaks(withPhotos(withBlocks(editor))))));
}
