/**
 * Suggestion mode (留痕): typing, deleting, pasting and paragraph breaks become suggestions with
 * ids from the article's change table. Normal mode costs one leaf lookup per keystroke and keeps
 * tracked ids from spreading where Slate would copy them (a split block, text typed beside a deletion).
 */
import { Editor, Element, Node, Range, Text, Transforms, type Descendant } from 'slate';
import type { FormattedText } from '../../../shared/model/document';
import { formattingOf } from '../../../shared/rules/suggestions/resolveSuggestions';
import { extendsOwn, type sessionOf, suggesting } from '../suggestions/session';
import { suggestDeleteRange, suggestDeleteUnit } from '../suggestions/suggestDelete';
import { pasteFragment, strikeSelection, suggestInsertText } from '../suggestions/suggestInsert';
import { lazyId } from '../suggestions/session';

/** Stands in for the id a new insertion will get; never stored (insertion takes formatting only from marks). */
const PENDING_INSERT = 'pending';

function leafAtCaret(editor: Editor): FormattedText | null {
  const sel = editor.selection;
  if (!sel || !Range.isCollapsed(sel)) return null;
  try {
    return Node.leaf(editor, sel.anchor.path);
  } catch {
    return null;
  }
}

function inVoid(editor: Editor): boolean {
  return !!editor.selection && !!Editor.void(editor, { at: editor.selection });
}

export function withSuggestions<E extends Editor>(editor: E): E {
  const {
    insertText,
    deleteBackward,
    deleteForward,
    deleteFragment,
    insertBreak,
    insertFragment,
    onChange,
    normalizeNode,
  } = editor;

  /**
   * An empty leaf proposes nothing, so it carries no suggestion id. Slate copies a leaf's marks onto
   * the empty half of a split and pastes of blank lines leave empty leaves; an id kept there would be
   * a change no one can see, which resolving a neighbouring change silently drops (the resolver
   * merges empty leaves away). O(1) per dirty leaf.
   */
  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (Text.isText(node) && node.text === '' && (node.ins !== undefined || node.del !== undefined)) {
      Transforms.unsetNodes(editor, ['ins', 'del'], { at: path });
      return;
    }
    normalizeNode(entry, options);
  };

  editor.insertText = (text, options) => {
    const s = suggesting(editor);
    if (s && !options?.at) {
      suggestInsertText(editor, s, text);
      return;
    }
    const leaf = leafAtCaret(editor);
    if (leaf && leaf.del !== undefined && !options?.at) {
      // Typed beside struck text, the new words are not part of the deletion.
      const marks = editor.marks ? formattingOf(editor.marks as FormattedText) : formattingOf(leaf);
      Transforms.insertNodes(editor, { ...marks, text }, { select: true });
      editor.marks = null;
      return;
    }
    insertText(text, options);
  };

  editor.deleteBackward = (unit) => {
    const s = suggesting(editor);
    if (!s || inVoid(editor)) return deleteBackward(unit);
    suggestDeleteUnit(editor, s, unit, true);
  };

  editor.deleteForward = (unit) => {
    const s = suggesting(editor);
    if (!s || inVoid(editor)) return deleteForward(unit);
    suggestDeleteUnit(editor, s, unit, false);
  };

  editor.deleteFragment = (options) => {
    const s = suggesting(editor);
    const sel = editor.selection;
    if (!s || !sel || Range.isCollapsed(sel)) return deleteFragment(options);
    const ref = Editor.pointRef(editor, Range.start(sel));
    suggestDeleteRange(editor, s, sel, lazyId(s, 'delete'));
    const start = ref.unref();
    if (start) Transforms.select(editor, start);
  };

  editor.insertBreak = () => {
    const s = suggesting(editor);
    if (s) strikeSelection(editor, s);
    insertBreak();
    const sel = editor.selection;
    if (!sel) return;
    const b = sel.anchor.path[0]!;
    const block = editor.children[b];
    if (!Element.isElement(block) || block.type === 'photo' || b === 0) return;
    // The new block inherited the old block's boundary ids; the boundary before it is new.
    if (block.join !== undefined || block.split !== undefined)
      Transforms.unsetNodes(editor, ['split', 'join'], { at: [b] });
    if (s) {
      const prev = editor.children[b - 1];
      const own = Element.isElement(prev) && prev.type !== 'photo' ? ownInsertAtEnd(prev.children, s) : undefined;
      Transforms.setNodes(editor, { split: lazyId(s, 'split', own)() }, { at: [b] });
    }
  };

  editor.insertFragment = (fragment, options) => {
    if (options?.at) return insertFragment(fragment, options);
    pasteFragment(editor, (f) => insertFragment(f), fragment as Descendant[], suggesting(editor));
  };

  /**
   * Where typing would start a new insertion (anywhere but inside the user's own), an IME composition
   * rendered into the existing leaf would show its pinyin struck through or in someone else's colour,
   * and Chrome leaves the committed text in that leaf's DOM when Slate puts it in a new leaf (text shown
   * twice). Pending marks make slate-react compose in a fresh placeholder leaf instead, as it does for
   * bold switched on before typing. O(1): one leaf lookup at the caret.
   */
  editor.onChange = (options) => {
    const s = suggesting(editor);
    const leaf = leafAtCaret(editor);
    const inOwnInsert = !!s && !!leaf && leaf.del === undefined && extendsOwn(s, leaf.ins);
    // slate-react puts the marks it composed with back after a commit; inside the user's own insertion they are stale.
    if (editor.marks?.ins === PENDING_INSERT && (!s || inOwnInsert)) editor.marks = null;
    if (s && !editor.marks) {
      if (leaf && !inOwnInsert) {
        const marks: Partial<FormattedText> = formattingOf(leaf);
        delete marks.comments;
        marks.ins = PENDING_INSERT;
        editor.marks = marks;
      }
    }
    onChange(options);
  };

  return editor;
}

/** The user's own live insertion that a block ends with: Enter while typing one continues the same change. */
function ownInsertAtEnd(children: FormattedText[], s: NonNullable<ReturnType<typeof sessionOf>>): string | undefined {
  const last = children[children.length - 1];
  if (!last || last.del !== undefined || !extendsOwn(s, last.ins)) return undefined;
  return last.ins;
}
