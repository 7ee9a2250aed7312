// The shipped headless story editor with deterministic change ids and clock, and helpers for comparing bodies.
import { Editor, Element, Node, Text, type Descendant, type Point } from 'slate';
import type { StoryEditor } from '../../../../renderer/editor/customTypes';
import { headlessStoryEditor, type HeadlessSession } from '../../../../renderer/editor/headlessEditor';
import { sessionOf } from '../../../../renderer/editor/suggestions/session';
import type { Block, FormattedText, StoryDocument } from '../../../../shared/model/document';
import { normalizeLeaves } from '../../../../shared/rules/suggestions/resolveSuggestions';

export function headlessEditor(
  body: StoryDocument,
  opts: { suggesting: boolean; author?: string; changes?: HeadlessSession['changes'] },
): StoryEditor {
  let n = 0;
  // Ids say whose they are (L for 李编辑, X for anyone else), following the session's author as it changes.
  const editor: StoryEditor = headlessStoryEditor(body, {
    enabled: opts.suggesting,
    author: opts.author ?? '李编辑',
    role: 'copy-editor',
    changes: opts.changes ?? [],
    newId: () => `${sessionOf(editor)?.author === '李编辑' ? 'L' : 'X'}${++n}`,
    now: () => '2026-12-01T10:00:00.000Z',
  });
  return editor;
}

/** The body in a canonical form for comparing: leaves merged as Slate would, only text, formatting and ids. */
export function canonical(body: readonly Descendant[]): unknown[] {
  return body.map((b) => {
    const block = b as Block;
    if (block.type === 'photo') return block;
    const { children, ...rest } = block;
    return { ...rest, children: normalizeLeaves(children as FormattedText[]) };
  });
}

/**
 * The raw point for an offset into an accepted block: accepted blocks are raw blocks joined where a
 * join is pending, and struck text is not counted. The earliest raw point with that many live characters before it.
 */
export function acceptedPoint(editor: Editor, block: number, offset: number): Point {
  let acceptedIndex = -1;
  let remaining = offset;
  let last: Point | null = null;
  for (let b = 0; b < editor.children.length; b++) {
    const el = editor.children[b] as Block;
    if (el.type === 'photo') continue;
    if (b === 0 || el.join === undefined) acceptedIndex++;
    if (acceptedIndex < block) continue;
    if (acceptedIndex > block) break;
    for (const [i, leaf] of el.children.entries()) {
      const point = { path: [b, i], offset: 0 };
      last = { path: [b, i], offset: leaf.text.length };
      if (leaf.del !== undefined) continue;
      if (remaining <= leaf.text.length) return { ...point, offset: remaining };
      remaining -= leaf.text.length;
    }
  }
  if (last) return last;
  return Editor.end(editor, []);
}

export function textOf(body: readonly Descendant[]): string[] {
  return body.map((b) => (Element.isElement(b) ? Node.string(b) : Text.isText(b) ? b.text : ''));
}
