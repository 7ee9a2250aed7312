/** The pending suggestions of the story being edited (fields, body, credits), re-read a moment after typing stops (a full scan, so never per key). */
import { useEffect, useState } from 'react';
import type { StoryDocument } from '../../../shared/model/document';
import { changeList, type ChangeListItem } from '../../../shared/rules/suggestions/changeList';
import type { StoryEditor } from '../../editor/customTypes';
import { sessionOf } from '../../editor/suggestions/session';
import { onBodyChange } from '../../common/bodyChanges';
import { fieldsState, subscribeFields } from '../../editor/fields/fieldStore';
import { trackedOf } from '../../../shared/rules/suggestions/trackedFields';

const LIST_DELAY_MS = 300;

export function useChangeList(editor: StoryEditor): { items: ChangeListItem[]; anchors: number } {
  const [version, setVersion] = useState(0);
  const [items, setItems] = useState<ChangeListItem[]>(() => read(editor));
  useEffect(() => onBodyChange(editor, () => setVersion((v) => v + 1)), [editor]);
  // Header fields and credits are tracked in the same editor: their edits re-read the list too.
  useEffect(() => subscribeFields(editor, () => setVersion((v) => v + 1)), [editor]);
  useEffect(() => {
    if (version === 0) return;
    const timer = setTimeout(() => setItems(read(editor)), LIST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [editor, version]);
  return { items, anchors: version };
}

function read(editor: StoryEditor): ChangeListItem[] {
  return changeList(
    editor.children as StoryDocument,
    sessionOf(editor)?.table.values() ?? [],
    trackedOf(fieldsState(editor), () => true),
  );
}
