/** Builds the story editor: Slate core, React, history, the DOM-free story rules, then the React-side plugins. */
import { createEditor } from 'slate';
import { withHistory } from 'slate-history';
import { withReact } from 'slate-react';
import './customTypes';
import type { StoryEditor } from './customTypes';
import { withChunking } from './plugins/withChunking';
import { withPaste } from './plugins/withPaste';
import { withSuggestionClipboard } from './plugins/withSuggestionClipboard';
import { withStoryCore } from './withStoryCore';

export function createStoryEditor(): StoryEditor {
  // The React-side plugins override only insertData, setFragmentData and getChunkSize, which no core plugin
  // wraps, so they sit outside the core. withPaste is outside withSuggestions: a cleaned paste reaches it as
  // one fragment.
  return withPaste(withSuggestionClipboard(withChunking(withStoryCore(withHistory(withReact(createEditor()))))));
}
