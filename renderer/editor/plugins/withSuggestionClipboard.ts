/**
 * Copy and cut out of a story with suggestions give the accepted text: struck words left out,
 * inserted words plain, no change ids or comment anchors, so pasting elsewhere starts clean.
 */
import { Element, type Text, type Descendant, type Editor } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { Block, StoryDocument } from '../../../shared/model/document';
import { acceptAll } from '../../../shared/rules/suggestions/resolveSuggestions';

const FRAGMENT_TYPE = 'application/x-slate-fragment';

function withoutAnchors(blocks: StoryDocument): Block[] {
  return blocks.map((b) =>
    b.type === 'photo'
      ? b
      : {
          ...b,
          children: b.children.map((leaf) => {
            const { comments: _c, ...rest } = leaf;
            return rest;
          }),
        },
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The selection as accepted blocks; a fragment out of one block comes back as that block's part. */
export function acceptedFragment(fragment: Descendant[]): Block[] {
  const blocks = fragment.filter((n): n is Block => Element.isElement(n));
  if (blocks.length === 0) return [];
  return withoutAnchors(acceptAll(blocks as StoryDocument));
}

export function withSuggestionClipboard<E extends Editor & ReactEditor>(editor: E): E {
  const { setFragmentData } = editor;
  editor.setFragmentData = (data, originEvent) => {
    setFragmentData(data, originEvent);
    const blocks = acceptedFragment(editor.getFragment());
    if (blocks.length === 0) return;
    const texts = blocks.map((b) => (b.type === 'photo' ? '' : b.children.map((l: Text) => l.text).join('')));
    data.setData(FRAGMENT_TYPE, window.btoa(encodeURIComponent(JSON.stringify(blocks))));
    data.setData('text/plain', texts.join('\n'));
    data.setData('text/html', texts.map((t) => `<p>${escapeHtml(t)}</p>`).join(''));
  };
  return editor;
}
