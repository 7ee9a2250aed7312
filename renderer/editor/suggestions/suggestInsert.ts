/**
 * Insertion in suggestion mode: typed, composed and pasted text carries an insert id. Typing on
 * from the user's own insertion extends it, so a word or an IME composition is one change.
 */
import { Editor, Element, Node, Point, Range, Text, Transforms, type Descendant } from 'slate';
import type { Block, FormattedText, TextBlock } from '../../../shared/model/document';
import { formattingOf } from '../../../shared/rules/suggestions/resolveSuggestions';
import { extendsOwn, recordChange, type SuggestionSession } from './session';
import { suggestDeleteRange } from './suggestDelete';

function leafAt(editor: Editor, point: Point): FormattedText {
  return Node.leaf(editor, point.path);
}

/** A live (not struck) insertion of the user's own, on a leaf beside the caret. */
function ownLiveInsert(s: SuggestionSession, leaf: FormattedText | undefined): string | undefined {
  if (!leaf || leaf.del !== undefined || !extendsOwn(s, leaf.ins)) return undefined;
  return leaf.ins;
}

/**
 * At the very start of a block split off by the user's own insertion (Enter while typing one), that
 * insertion: typing on after Enter continues the same change. The new block's empty leaf holds no id to say so.
 */
function ownInsertingSplit(editor: Editor, s: SuggestionSession, point: Point): string | undefined {
  const block = editor.children[point.path[0]!];
  if (!Element.isElement(block) || block.type === 'photo' || !extendsOwn(s, block.split)) return undefined;
  return block.split;
}

function neighbour(editor: Editor, point: Point, side: 'previous' | 'next'): FormattedText | undefined {
  const entry =
    side === 'previous'
      ? Editor.previous(editor, { at: point.path, match: Text.isText })
      : Editor.next(editor, { at: point.path, match: Text.isText });
  return entry && entry[1][0] === point.path[0] ? (entry[0] as FormattedText) : undefined;
}

/** Strikes an expanded selection first; what is typed then follows the struck text, as in Word and InCopy. */
export function strikeSelection(
  editor: Editor,
  s: SuggestionSession,
  kind: 'delete' | 'replace' = 'delete',
): string | undefined {
  const sel = editor.selection;
  if (!sel || Range.isCollapsed(sel)) return undefined;
  const ref = Editor.pointRef(editor, Range.end(sel));
  let id: string | undefined;
  suggestDeleteRange(editor, s, sel, () => (id ??= recordChange(s, kind)));
  const end = ref.unref();
  if (end) Transforms.select(editor, end);
  return id;
}

export function suggestInsertText(editor: Editor, s: SuggestionSession, text: string): void {
  if (!editor.selection) return;
  Editor.withoutNormalizing(editor, () => {
    // Typing over a selection takes the look of where the selection starts, as in normal mode and Word,
    // not of the struck text the caret lands after.
    const sel = editor.selection!;
    const replaced = Range.isExpanded(sel) ? formattingOf(leafAt(editor, Range.start(sel))) : null;
    // Typing over words is one replacement: the struck words and the typed ones share an id.
    const replaceId = strikeSelection(editor, s, 'replace');
    const point = editor.selection!.anchor;
    const leaf = leafAt(editor, point);
    const formatting = editor.marks ? formattingOf(editor.marks as FormattedText) : (replaced ?? formattingOf(leaf));
    const here = ownLiveInsert(s, leaf);
    const sameFormatting = !editor.marks && (!replaced || sameLook(replaced, formattingOf(leaf)));
    if (here && sameFormatting && replaceId === undefined) {
      Transforms.insertText(editor, text, { at: point });
      return;
    }
    const id =
      replaceId ??
      (point.offset === 0 ? ownLiveInsert(s, neighbour(editor, point, 'previous')) : undefined) ??
      (Point.equals(point, Editor.start(editor, [point.path[0]!])) ? ownInsertingSplit(editor, s, point) : undefined) ??
      (point.offset === leaf.text.length ? ownLiveInsert(s, neighbour(editor, point, 'next')) : undefined) ??
      here ??
      recordChange(s, 'insert');
    Transforms.insertNodes(editor, { ...formatting, text, ins: id }, { at: point, select: true });
    editor.marks = null;
  });
}

function sameLook(a: Partial<FormattedText>, b: Partial<FormattedText>): boolean {
  return a.bold === b.bold && a.italic === b.italic && (a.comments ?? []).join() === (b.comments ?? []).join();
}

/** Fragment leaves without ids or anchors: what is pasted is new text, whatever it was where it came from. */
function cleanFragment(fragment: Descendant[], id: string | null): Block[] {
  const out: Block[] = [];
  for (const node of fragment) {
    if (!Element.isElement(node)) continue;
    if (node.type === 'photo') {
      // A photo's place cannot be suggested (no leaf to mark), so suggestion mode pastes text only.
      if (id === null) out.push(node);
      continue;
    }
    const { split: _s, join: _j, ...rest } = node;
    const children = node.children.map((leaf) => {
      const clean: FormattedText = { ...formattingOf(leaf), text: leaf.text };
      delete clean.comments;
      if (id !== null) clean.ins = id;
      return clean;
    });
    out.push({ ...rest, children } as TextBlock);
  }
  return out;
}

/**
 * Pastes through Slate's own insertFragment (so blocks land exactly as in normal mode), then marks
 * the paragraph breaks the paste made: with the paste's id in suggestion mode, none otherwise.
 * Splitting copies a block's boundary ids onto its new half; they are put back where they belong.
 */
export function pasteFragment(
  editor: Editor,
  insertFragment: (fragment: Descendant[]) => void,
  fragment: Descendant[],
  s: SuggestionSession | undefined,
): void {
  if (!editor.selection) return;
  Editor.withoutNormalizing(editor, () => {
    if (s) strikeSelection(editor, s);
    const id = s ? recordChange(s, 'insert') : null;
    const blocks = cleanFragment(fragment, id);
    if (blocks.length === 0) return;
    const first = editor.selection!.anchor.path[0]!;
    const original = editor.children[first] as Block;
    const boundary = original.type === 'photo' ? {} : { split: original.split, join: original.join };
    const before = editor.children.length;
    insertFragment(blocks);
    const added = editor.children.length - before;
    for (let b = first; b <= first + added; b++) {
      const block = editor.children[b];
      if (!Element.isElement(block) || block.type === 'photo') continue;
      const props = b === first ? boundary : { split: id ?? undefined, join: undefined };
      Transforms.unsetNodes(editor, ['split', 'join'], { at: [b] });
      const set = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
      if (Object.keys(set).length > 0) Transforms.setNodes(editor, set, { at: [b] });
    }
  });
}
