/** Builds the story editor: Slate core, React, history, then our plugins, one concern each. */
import { createEditor } from 'slate';
import { withHistory } from 'slate-history';
import { withReact } from 'slate-react';
import './customTypes';
import type { StoryEditor } from './customTypes';
import { withBlocks } from './plugins/withBlocks';
import { withBreaks } from './plugins/withBreaks';
import { withChunking } from './plugins/withChunking';
import { withPaste } from './plugins/withPaste';
import { withPhotos } from './plugins/withPhotos';
import { withSuggestionClipboard } from './plugins/withSuggestionClipboard';
import { withSuggestions } from './plugins/withSuggestions';
import { withTextAtPhotos } from './plugins/withTextAtPhotos';

export function createStoryEditor(): StoryEditor {
  // Order matters: later plugins wrap earlier ones, so their normalizers run first and call through.
  // withSuggestions sits outside withBreaks (a suggested split still continues a subhead with a paragraph)
  // and inside withPaste (a cleaned paste reaches it as one fragment).
  return withTextAtPhotos(
    withPaste(
      withSuggestionClipboard(
        withSuggestions(withChunking(withBreaks(withPhotos(withBlocks(withHistory(withReact(createEditor()))))))),
      ),
    ),
  );
}
