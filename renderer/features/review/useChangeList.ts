/** The pending suggestions of the body being edited, re-read a moment after typing stops (a full scan, so never per key). */
import { useEffect, useState } from 'react';
import type { StoryDocument } from '../../../shared/model/document';
import { changeList, type ChangeListItem } from '../../../shared/rules/suggestions/changeList';
import type { StoryEditor } from '../../editor/customTypes';
import { sessionOf } from '../../editor/suggestions/session';
import { onBodyChange } from '../../common/bodyChanges';

const LIST_DELAY_MS = 300;

export function useChangeList(editor: StoryEditor): { items: ChangeListItem[]; anchors: number } {
  const [version, setVersion] = useState(0);
  const [items, setItems] = useState<ChangeListItem[]>(() => read(editor));
  useEffect(() => onBodyChange(editor, () => setVersion((v) => v + 1)), [editor]);
  useEffect(() => {
    if (version === 0) return;
    const timer = setTimeout(() => setItems(read(editor)), LIST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [editor, version]);
  return { items, anchors: version };
}

function read(editor: StoryEditor): ChangeListItem[] {
  return changeList(editor.children as StoryDocument, sessionOf(editor)?.table.values() ?? []);
}
