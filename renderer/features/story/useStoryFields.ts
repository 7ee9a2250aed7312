/**
 * The story's header fields (headline block, people, kind, desk note): the one place the story
 * screen reads them. The text fields and credits live in the editor's field store beside the body
 * (their suggestions and undo are the body's); kind and the tables stay here. Rendering reads
 * `fields`; saves and checks read `current()`, which is never a render behind.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleContent } from '../../../shared/model/article';
import type { Byline, Correspondent } from '../../../shared/model/people';
import { TRACKED_TEXT_FIELDS, type TrackedTextField } from '../../../shared/model/trackedFields';
import { liveFields, type FieldsState } from '../../../shared/rules/suggestions/trackedFields';
import type { StoryEditor } from '../../editor/customTypes';
import {
  editCredits,
  editTextField,
  fieldsState,
  resetField,
  setFieldsState,
  subscribeFields,
} from '../../editor/fields/fieldStore';
import { fieldsOf, type StoryFields } from '../../common/storyContent';

export interface StoryFieldsState {
  fields: StoryFields;
  /** The tracked fields with their suggestions, for the marks under each field. */
  tracked: FieldsState;
  current: () => StoryFields;
  /** Sets fields without counting it as an edit (the store's own value, e.g. a desk note a move wrote). */
  set: (patch: Partial<StoryFields>) => void;
  /** An edit by the person at the screen: tracked in 留痕 mode, one undo history with the body. */
  edit: (patch: Partial<StoryFields>, caret?: number) => void;
}

const isTextField = (k: string): k is TrackedTextField => (TRACKED_TEXT_FIELDS as readonly string[]).includes(k);

export function useStoryFields(content: ArticleContent, editor: StoryEditor): StoryFieldsState {
  const [others, setOthers] = useState<StoryFields>(() => fieldsOf(content));
  const othersRef = useRef(others);
  const [tracked, setTracked] = useState<FieldsState>(() => fieldsState(editor));
  useEffect(() => subscribeFields(editor, () => setTracked(fieldsState(editor))), [editor]);

  const set = useCallback(
    (patch: Partial<StoryFields>) => {
      for (const [k, v] of Object.entries(patch)) {
        if (isTextField(k)) resetField(editor, k, v as string);
        else if (k === 'bylines' || k === 'correspondents') {
          const state = fieldsState(editor);
          setFieldsState(
            editor,
            { ...state, [k]: (v as (Byline | Correspondent)[]).map((value) => ({ value })) },
            false,
            false,
          );
        } else {
          othersRef.current = { ...othersRef.current, [k]: v };
          setOthers(othersRef.current);
        }
      }
    },
    [editor],
  );
  const edit = useCallback(
    (patch: Partial<StoryFields>, caret?: number) => {
      const rest: Partial<StoryFields> = {};
      for (const [k, v] of Object.entries(patch)) {
        if (isTextField(k)) editTextField(editor, k, v as string, caret);
        else if (k === 'bylines') editCredits(editor, 'bylines', v as Byline[]);
        else if (k === 'correspondents') editCredits(editor, 'correspondents', v as Correspondent[]);
        else Object.assign(rest, { [k]: v });
      }
      if (Object.keys(rest).length > 0) set(rest);
    },
    [editor, set],
  );
  const current = useCallback(
    (): StoryFields => ({ ...othersRef.current, ...liveFields(fieldsState(editor)) }),
    [editor],
  );
  const fields = useMemo(() => ({ ...others, ...liveFields(tracked) }), [others, tracked]);
  return { fields, tracked, current, set, edit };
}
