/** Placeholder until composition fixes are added. */
import type { Editor } from 'slate';

export function withIme<E extends Editor>(editor: E): E {
  return editor;
}
