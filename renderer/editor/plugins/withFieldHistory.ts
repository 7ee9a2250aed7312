/**
 * One undo history for the body and the header fields: a field edit is an undo batch of its own (no
 * Slate operations) or rides on the batch of the body edit it was part of (a replace-all across 引题
 * and body), and undo and redo put the fields' state back with the body's operations.
 */
import type { Editor } from 'slate';
import { HistoryEditor, type History } from 'slate-history';
import type { FieldsState } from '../../../shared/rules/suggestions/trackedFields';

type Batch = History['undos'][number];

interface FieldStep {
  before: FieldsState;
  after: FieldsState;
  merge?: string;
}

const STEPS = new WeakMap<Batch, FieldStep>();
/** While `together` runs: the fields before it, to make one step of everything done inside. */
const OPEN = new WeakMap<Editor, { before: FieldsState | null; after: FieldsState | null }>();
/** How the fields are put back: set by the field store (kept here to avoid an import cycle). */
const RESTORE = new WeakMap<Editor, (state: FieldsState) => void>();

export function onFieldsRestore(editor: Editor, restore: (state: FieldsState) => void): void {
  RESTORE.set(editor, restore);
}

/** Called by the field store after each field edit. */
export function recordFieldStep(editor: Editor, before: FieldsState, after: FieldsState, merge?: string): void {
  if (HistoryEditor.isSaving(editor) === false) return;
  const open = OPEN.get(editor);
  if (open) {
    open.before ??= before;
    open.after = after;
    return;
  }
  const { undos } = editor.history;
  const top = undos[undos.length - 1];
  const topStep = top && STEPS.get(top);
  if (merge && top && topStep?.merge === merge && top.operations.length === 0) {
    topStep.after = after;
  } else {
    const batch: Batch = { operations: [], selectionBefore: editor.selection };
    STEPS.set(batch, { before, after, merge });
    editor.writeHistory('undos', batch);
    while (undos.length > 100) undos.shift();
  }
  editor.history.redos = [];
}

/** Runs body and field edits as one undo step (a replace-all, an accept or reject). */
export function together(editor: Editor, fn: () => void): void {
  if (!HistoryEditor.isHistoryEditor(editor) || OPEN.has(editor)) return fn();
  const { undos } = editor.history;
  const topBefore = undos[undos.length - 1];
  const open: { before: FieldsState | null; after: FieldsState | null } = { before: null, after: null };
  OPEN.set(editor, open);
  try {
    HistoryEditor.withNewBatch(editor, fn);
  } finally {
    OPEN.delete(editor);
  }
  if (!open.before || !open.after) return;
  const top = undos[undos.length - 1];
  if (top && top !== topBefore && !STEPS.has(top)) STEPS.set(top, { before: open.before, after: open.after });
  else recordFieldStep(editor, open.before, open.after);
}

export function withFieldHistory<E extends Editor>(editor: E): E {
  if (!HistoryEditor.isHistoryEditor(editor)) return editor;
  const e = editor as E & HistoryEditor;
  const { undo, redo } = e;
  e.undo = () => {
    const batch = e.history.undos[e.history.undos.length - 1];
    const step = batch && STEPS.get(batch);
    undo();
    if (step) RESTORE.get(e)?.(step.before);
  };
  e.redo = () => {
    const batch = e.history.redos[e.history.redos.length - 1];
    const step = batch && STEPS.get(batch);
    redo();
    if (step) RESTORE.get(e)?.(step.after);
  };
  return editor;
}
