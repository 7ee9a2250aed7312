/**
 * The story's header fields (headline block, people, kind, desk note): the one place the story
 * screen keeps them. Rendering reads `fields`; saves and checks read `current()`, which is
 * never a render behind.
 */
import { useCallback, useRef, useState } from 'react';
import type { ArticleContent } from '../../../shared/model/article';
import { fieldsOf, type StoryFields } from '../../common/storyContent';

export interface StoryFieldsState {
  fields: StoryFields;
  current: () => StoryFields;
  /** Sets fields without counting it as an edit (the store's own value, e.g. a desk note a move wrote). */
  set: (patch: Partial<StoryFields>) => void;
}

export function useStoryFields(content: ArticleContent): StoryFieldsState {
  const [fields, setFields] = useState<StoryFields>(() => fieldsOf(content));
  const latest = useRef(fields);
  const set = useCallback((patch: Partial<StoryFields>) => {
    latest.current = { ...latest.current, ...patch };
    setFields(latest.current);
  }, []);
  const current = useCallback(() => latest.current, []);
  return { fields, current, set };
}
