/**
 * Accept and reject in the editor: the pure resolver decides (the same code the counts and export
 * run), only the blocks it changed are replaced, and the header fields are decided with them, as one undo step.
 */
import { Editor, Transforms, type Descendant } from 'slate';
import type { StoryDocument } from '../../../shared/model/document';
import { idsByAuthor } from '../../../shared/rules/suggestions/changeTable';
import { resolveSuggestions, type Decide, type Decision } from '../../../shared/rules/suggestions/resolveSuggestions';
import { resolveFields } from '../../../shared/rules/suggestions/trackedFields';
import { fieldsState, setFieldsState } from '../fields/fieldStore';
import { together } from '../plugins/withFieldHistory';
import { sessionOf } from './session';

/** Replaces each run of blocks the resolver changed; resolving only drops and merges, so kept blocks stay in order. */
export function replaceChangedBlocks(editor: Editor, next: readonly Descendant[]): void {
  const old = editor.children;
  if (next === old) return;
  const oldIndex = new Map<Descendant, number>();
  old.forEach((b, i) => oldIndex.set(b, i));
  const runs: { from: number; to: number; blocks: Descendant[] }[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length || j < next.length) {
    if (i < old.length && j < next.length && old[i] === next[j]) {
      i++;
      j++;
      continue;
    }
    const startJ = j;
    while (j < next.length && !oldIndex.has(next[j]!)) j++;
    const to = j < next.length ? oldIndex.get(next[j]!)! : old.length;
    runs.push({ from: i, to, blocks: next.slice(startJ, j) });
    i = to;
  }
  Editor.withoutNormalizing(editor, () => {
    // Right to left, so earlier runs' paths still hold.
    for (let r = runs.length - 1; r >= 0; r--) {
      const { from, to, blocks } = runs[r]!;
      for (let k = to - 1; k >= from; k--) Transforms.removeNodes(editor, { at: [k] });
      if (blocks.length > 0) Transforms.insertNodes(editor, blocks, { at: [from], select: false });
    }
    if (editor.children.length === 0)
      Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: [0] });
  });
  if (!editor.selection) Transforms.select(editor, Editor.start(editor, []));
}

/** Body and header fields decided together, as one undo step. */
function resolveInEditor(editor: Editor, decide: Decide): void {
  const next = resolveSuggestions(editor.children as StoryDocument, decide);
  together(editor, () => {
    replaceChangedBlocks(editor, next);
    setFieldsState(editor, resolveFields(fieldsState(editor), decide));
  });
}

/** Accepts or rejects several changes at once (a replace-all's group). */
export function resolveIds(editor: Editor, ids: ReadonlySet<string>, decision: Decision): void {
  resolveInEditor(editor, (x) => (ids.has(x) ? decision : null));
}

export function resolveChange(editor: Editor, id: string, decision: Decision): void {
  resolveInEditor(editor, (x) => (x === id ? decision : null));
}

export function resolveAll(editor: Editor, decision: Decision): void {
  resolveInEditor(editor, () => decision);
}

export function resolveAuthor(editor: Editor, author: string, decision: Decision): void {
  const ids = idsByAuthor(sessionOf(editor)?.table.values() ?? [], author);
  resolveInEditor(editor, (x) => (ids.has(x) ? decision : null));
}
