/** Photo blocks are voids that always carry their caption and credit fields. */
import { Editor, Element, Transforms } from 'slate';
import type { PhotoElement } from '../../../shared/model/document';

export function isPhoto(node: unknown): node is PhotoElement {
  return Element.isElement(node) && node.type === 'photo';
}

export function newPhoto(asset: string | null = null): PhotoElement {
  return { type: 'photo', asset, caption: '', credit: null, children: [{ text: '' }] };
}

export function withPhotos<E extends Editor>(editor: E): E {
  const { isVoid, normalizeNode } = editor;
  editor.isVoid = (element) => element.type === 'photo' || isVoid(element);
  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (isPhoto(node)) {
      // A photo pasted or converted from elsewhere may lack the fields the credit check and export read.
      const patch: Partial<PhotoElement> = {};
      if (typeof node.caption !== 'string') patch.caption = '';
      if (node.credit === undefined) patch.credit = null;
      if (node.asset === undefined) patch.asset = null;
      if (Object.keys(patch).length > 0) {
        // Not setNodes: Slate's set_node deletes a property set to null, so a missing credit or asset would
        // never be filled and normalizing would loop until Slate gives up.
        Editor.withoutNormalizing(editor, () => {
          Transforms.removeNodes(editor, { at: path });
          Transforms.insertNodes(editor, { ...node, ...patch }, { at: path, select: false });
        });
        return;
      }
    }
    if (Editor.isEditor(node) && node.children.length > 0) {
      // A body ending in a photo leaves nowhere to type after it; keep a paragraph there.
      const last = node.children[node.children.length - 1];
      if (isPhoto(last)) {
        Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [node.children.length] });
        return;
      }
    }
    normalizeNode(entry, options);
  };
  return editor;
}
