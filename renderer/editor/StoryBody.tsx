/** The Slate body of a story: toolbar, editable area, shortcuts, drop of image files. */
import { memo, useCallback, useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Descendant, NodeEntry, Range } from 'slate';
import { HistoryEditor } from 'slate-history';
import { Editable, ReactEditor, Slate } from 'slate-react';
import { useT } from '../i18n/i18n';
import { insertSoftBreak, toggleMark } from './commands';
import type { StoryEditor } from './customTypes';
import { isHotkey } from './hotkeys';
import { Leaf } from './elements/Leaf';
import { renderChunk, renderElement } from './elements/renderElement';
import { insertPickedImages, type RefusedImage } from './insertPickedImages';
import { imageErrorText } from '../i18n/errorText';
import { isImageFile } from './importImage';
import { scrollCaretIntoView } from './scrollCaretIntoView';
import { skipReactSelectionRestore } from './skipReactSelectionRestore';
import { Toolbar } from './Toolbar';

interface Props {
  editor: StoryEditor;
  initialValue: Descendant[];
  readOnly: boolean;
  decorate?: (entry: NodeEntry) => Range[];
  /** Called after every change to the content (not on mere caret moves). */
  onContentChange: () => void;
  onFind: () => void;
  /** Rendered inside the Slate context, e.g. counts that follow the body. */
  aside?: ReactNode;
}

const renderLeaf = (props: Parameters<typeof Leaf>[0]) => <Leaf {...props} />;

/** Memoised: the screen around it re-renders on save-state changes, which must not disturb a composition. */
export const StoryBody = memo(function StoryBody({
  editor,
  initialValue,
  readOnly,
  decorate,
  onContentChange,
  onFind,
  aside,
}: Props) {
  const t = useT();

  const [imageErrors, setImageErrors] = useState<RefusedImage[]>([]);
  const addImages = useCallback(
    async (files: File[]) => {
      setImageErrors(await insertPickedImages(editor, files));
    },
    [editor],
  );

  useEffect(() => {
    skipReactSelectionRestore(ReactEditor.toDOMNode(editor, editor));
  }, [editor]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const e = event.nativeEvent;
      // Keys typed while an IME composes belong to the IME (Enter commits pinyin, it does not split).
      if (e.isComposing) return;
      if (isHotkey('mod+b', e)) {
        event.preventDefault();
        toggleMark(editor, 'bold');
      } else if (isHotkey('mod+i', e)) {
        event.preventDefault();
        toggleMark(editor, 'italic');
      } else if (isHotkey('mod+z', e)) {
        event.preventDefault();
        HistoryEditor.undo(editor);
      } else if (isHotkey('mod+shift+z', e) || isHotkey('mod+y', e)) {
        event.preventDefault();
        HistoryEditor.redo(editor);
      } else if (isHotkey('shift+enter', e)) {
        event.preventDefault();
        insertSoftBreak(editor);
      }
    },
    [editor],
  );

  const onDrop = useCallback(
    (event: React.DragEvent<HTMLDivElement>) => {
      const files = Array.from(event.dataTransfer.files).filter(isImageFile);
      if (files.length === 0) return false;
      event.preventDefault();
      const range = ReactEditor.findEventRange(editor, event);
      if (range) editor.select(range);
      void addImages(files);
      return true;
    },
    [addImages, editor],
  );

  // Every paste takes one path (ours): Chrome would otherwise split HTML pastes off to beforeinput.
  const onPaste = useCallback(
    (event: React.ClipboardEvent<HTMLDivElement>) => {
      if (readOnly || !ReactEditor.hasEditableTarget(editor, event.target)) return;
      event.preventDefault();
      ReactEditor.insertData(editor, event.clipboardData);
    },
    [editor, readOnly],
  );

  return (
    <Slate editor={editor} initialValue={initialValue} onValueChange={onContentChange}>
      <Toolbar onFind={onFind} onPickImages={(files) => void addImages(files)} disabled={readOnly} />
      {imageErrors.length > 0 && (
        <div className="notice-banner notice-error" role="alert" data-testid="image-error">
          {imageErrors
            .map(({ file, error }) => t('story.imageRefused', { message: imageErrorText(t, file, error) }))
            .join('；')}
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setImageErrors([])}>
            ×
          </button>
        </div>
      )}
      {aside}
      <div className="body-frame">
        <Editable
          className="story-body"
          data-testid="story-body"
          readOnly={readOnly}
          placeholder={t('story.placeholder')}
          aria-label={t('story.bodyLabel')}
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          renderChunk={renderChunk}
          decorate={decorate}
          onKeyDown={onKeyDown}
          onDrop={onDrop}
          onPaste={onPaste}
          scrollSelectionIntoView={scrollCaretIntoView}
          spellCheck={false}
          lang="zh-CN"
        />
      </div>
    </Slate>
  );
});
