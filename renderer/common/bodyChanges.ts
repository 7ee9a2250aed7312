/**
 * Tells listeners when the body's content changed (not mere caret moves), without touching
 * the story screen's own change path. The editor's onChange is wrapped once per editor and
 * never unwrapped, the way slate-react wraps it itself, so wrappers never undo each other.
 */
import type { Editor } from 'slate';

const LISTENERS = new WeakMap<Editor, Set<() => void>>();

export function onBodyChange(editor: Editor, listener: () => void): () => void {
  let listeners = LISTENERS.get(editor);
  if (!listeners) {
    const set = new Set<() => void>();
    listeners = set;
    LISTENERS.set(editor, set);
    const { onChange } = editor;
    editor.onChange = (options) => {
      onChange(options);
      if (editor.operations.some((op) => op.type !== 'set_selection')) for (const l of set) l();
    };
  }
  const set = listeners;
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
