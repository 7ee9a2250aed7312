/** Keeps the body well formed: never zero blocks, and only our block types at the top level. */
import { Editor, Element, Node, Transforms } from 'slate';
import { paragraph } from '../../../shared/model/document';

export function withBlocks<E extends Editor>(editor: E): E {
  const { normalizeNode } = editor;
  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    // Typing changes text only: the top level cannot have gained a stray node, and checking
    // 10,000 blocks on every keystroke is what made long stories slow.
    const textOnly = options?.operation?.type === 'insert_text' || options?.operation?.type === 'remove_text';
    if (Editor.isEditor(node) && !textOnly) {
      // An empty body cannot be typed into (and fails the contract's min(1)): restore one paragraph.
      if (node.children.length === 0) {
        Transforms.insertNodes(editor, paragraph(''), { at: [0] });
        return;
      }
      // Stray top-level text (e.g. from a foreign fragment) is wrapped, never dropped.
      for (const [child, childPath] of Node.children(editor, path)) {
        if (!Element.isElement(child)) {
          Transforms.wrapNodes(editor, { type: 'paragraph', children: [] }, { at: childPath });
          return;
        }
      }
    }
    // Blocks never nest in our model: unwrap an element found inside a text block.
    if (Element.isElement(node) && node.type !== 'photo' && path.length === 1) {
      for (const [child, childPath] of Node.children(editor, path)) {
        if (Element.isElement(child)) {
          Transforms.unwrapNodes(editor, { at: childPath });
          return;
        }
      }
    }
    normalizeNode(entry, options);
  };
  return editor;
}
