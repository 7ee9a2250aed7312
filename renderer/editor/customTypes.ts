/** Tells Slate our element and text types, which are declared once in shared/model/document. */
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { Block, FormattedText } from '../../shared/model/document';

export type StoryEditor = BaseEditor &
  ReactEditor &
  HistoryEditor & {
    /** Told when a paste held control characters that were removed (withPaste), so the screen can say so. */
    onPasteCleaned?: (removed: number, codePoints: string[]) => void;
  };

declare module 'slate' {
  interface CustomTypes {
    Editor: StoryEditor;
    Element: Block;
    Text: FormattedText;
  }
}
