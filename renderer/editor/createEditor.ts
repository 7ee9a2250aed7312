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
import { withTextAtPhotos } from './plugins/withTextAtPhotos';

export function createStoryEditor(): StoryEditor {
  // Order matters: later plugins wrap earlier ones, so their normalizers run first and call through.
  return withTextAtPhotos(
    withPaste(withChunking(withBreaks(withPhotos(withBlocks(withHistory(withReact(createEditor()))))))),
  );
}
