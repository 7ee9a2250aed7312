/**
 * Replacing find matches in the header fields and the body, DOM-free so the property tests run it
 * as it ships. In 留痕 mode each replacement is its own suggestion and a replace-all groups them;
 * either way a replace-all is one undo step, fields included.
 */
import type { StoryEditor } from '../../editor/customTypes';
import { replaceInField } from '../../editor/fields/fieldStore';
import { together } from '../../editor/plugins/withFieldHistory';
import { acceptedRange, replaceRange } from '../../editor/suggestions/acceptedPoints';
import { inGroup, suggesting } from '../../editor/suggestions/session';
import type { FindMatch } from './findMatches';

/** The body range of a match now, or null when its block is gone. */
export function matchRange(editor: StoryEditor, m: Extract<FindMatch, { where: 'body' }>, groups?: number[][]) {
  try {
    return acceptedRange(editor.children, m.block, m.start, m.end, groups);
  } catch {
    return null;
  }
}

function replaceOneMatch(editor: StoryEditor, m: FindMatch, replacement: string): void {
  if (m.where === 'body') {
    const range = matchRange(editor, m);
    if (range) replaceRange(editor, range, replacement);
  } else replaceInField(editor, m.where, m.start, m.end, replacement);
}

export function replaceMatch(editor: StoryEditor, m: FindMatch, replacement: string): void {
  together(editor, () => replaceOneMatch(editor, m, replacement));
}

/** Matches must be in reading order, as collectMatches gives them; replaced from the last so earlier offsets hold. */
export function replaceMatches(editor: StoryEditor, matches: readonly FindMatch[], replacement: string): number {
  together(editor, () =>
    inGroup(suggesting(editor), () => {
      for (let i = matches.length - 1; i >= 0; i--) replaceOneMatch(editor, matches[i]!, replacement);
    }),
  );
  return matches.length;
}
