/**
 * The story's header fields and credits held beside the body in the editor, so their suggestions
 * (留痕) use the body's change table and their edits the body's undo history. Values are immutable:
 * each edit makes a new state, which undo puts back as it was.
 */
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { ArticleContent } from '../../../shared/model/article';
import type { Byline, Correspondent } from '../../../shared/model/people';
import type { TrackedCreditField, TrackedTextField } from '../../../shared/model/trackedFields';
import {
  diffText,
  editItems,
  editRuns,
  fieldsStateOf,
  liveText,
  runsFrom,
  type FieldsState,
  type TrackContext,
} from '../../../shared/rules/suggestions/trackedFields';
import { extendsOwn, isOwn, recordChange, suggesting } from '../suggestions/session';
import { onFieldsRestore, recordFieldStep } from '../plugins/withFieldHistory';

/** Told after each change; `edit` is false when the store's own value was put back (not a change to save). */
type Listener = (edit: boolean) => void;

interface Store {
  state: FieldsState;
  listeners: Set<Listener>;
}

const STORES = new WeakMap<Editor, Store>();

function storeOf(editor: Editor): Store {
  let store = STORES.get(editor);
  if (!store) {
    store = {
      state: fieldsStateOf({
        kicker: '',
        headline: '',
        subheadline: '',
        source: '',
        deskNote: '',
        bylines: [],
        correspondents: [],
      }),
      listeners: new Set(),
    };
    STORES.set(editor, store);
    onFieldsRestore(editor, (state) => setFieldsState(editor, state, false));
  }
  return store;
}

/** Loads a story's fields (with any saved suggestions) into the editor; not an edit, so not in the history. */
export function startFields(
  editor: Editor,
  content: Pick<ArticleContent, TrackedTextField | TrackedCreditField | 'tracked'>,
): void {
  storeOf(editor).state = fieldsStateOf(content);
}

export function fieldsState(editor: Editor): FieldsState {
  return storeOf(editor).state;
}

export function subscribeFields(editor: Editor, listener: Listener): () => void {
  const { listeners } = storeOf(editor);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Puts a state in place and tells listeners; `history` says whether it is an edit to undo. */
export function setFieldsState(
  editor: Editor,
  next: FieldsState,
  history: { merge?: string } | false = {},
  edit = true,
): void {
  const store = storeOf(editor);
  const before = store.state;
  if (next === before) return;
  store.state = next;
  if (history && HistoryEditor.isHistoryEditor(editor)) recordFieldStep(editor, before, next, history.merge);
  for (const l of store.listeners) l(edit);
}

/** How an edit in this editor is tracked: null outside 留痕, else the session's ids and table. */
export function trackContext(editor: Editor): TrackContext | null {
  const s = suggesting(editor);
  if (!s) return null;
  return { isOwn: (id) => isOwn(s, id), canExtend: (id) => extendsOwn(s, id), record: (kind) => recordChange(s, kind) };
}

/** Replaces the live characters [start, end) of a text field, as a suggestion in 留痕 mode. */
export function replaceInField(
  editor: Editor,
  field: TrackedTextField,
  start: number,
  end: number,
  text: string,
  history: { merge?: string } = {},
): void {
  const state = fieldsState(editor);
  const runs = editRuns(state.text[field], start, end, text, trackContext(editor));
  setFieldsState(editor, { ...state, text: { ...state.text, [field]: runs } }, history);
}

/** An input's new value: the changed span becomes the edit (the caret tells where repeated letters were typed). */
export function editTextField(editor: Editor, field: TrackedTextField, value: string, caret?: number): void {
  const before = liveText(fieldsState(editor).text[field]);
  const d = diffText(before, value, caret);
  if (!d) return;
  // Typing in one field is one undo step until something else is done.
  replaceInField(editor, field, d.start, d.end, d.text, { merge: `type:${field}` });
}

export function editCredits(editor: Editor, field: 'bylines', next: readonly Byline[]): void;
export function editCredits(editor: Editor, field: 'correspondents', next: readonly Correspondent[]): void;
export function editCredits(
  editor: Editor,
  field: TrackedCreditField,
  next: readonly (Byline | Correspondent)[],
): void {
  const state = fieldsState(editor);
  const items = editItems<Byline | Correspondent>(state[field], next, trackContext(editor));
  setFieldsState(editor, { ...state, [field]: items } as FieldsState, { merge: `credit:${field}` });
}

/** A field set to the store's own value (e.g. a desk note a workflow move wrote): its suggestions go, no undo step. */
export function resetField(editor: Editor, field: TrackedTextField, value: string): void {
  const state = fieldsState(editor);
  if (liveText(state.text[field]) === value && state.text[field].length === 1) return;
  setFieldsState(editor, { ...state, text: { ...state.text, [field]: runsFrom(value) } }, false, false);
}
