/**
 * Turns on slate-react's chunking for the body's top level, so a 10,000-paragraph story
 * re-renders only the chunk being typed in; chunks are painted lazily (content-visibility).
 */
import { Editor } from 'slate';
import type { ReactEditor } from 'slate-react';

/** slate-react's own suggestion; small stories (< one chunk) render as if unchunked. */
export const CHUNK_SIZE = 1000;

export function withChunking<E extends Editor & ReactEditor>(editor: E): E {
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
  return editor;
}
