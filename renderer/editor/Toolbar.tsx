/** The body toolbar: block types, marks, photo, undo/redo, find. Mirrors the caret's state. */
import { useRef } from 'react';
import { HistoryEditor } from 'slate-history';
import { ReactEditor, useSlateSelector, useSlateStatic } from 'slate-react';
import type { StoryEditor } from './customTypes';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { currentBlockType, isMarkActive, toggleBlockType, toggleMark, type TextBlockType } from './commands';

const BLOCK_BUTTONS: Array<[TextBlockType, MessageKey]> = [
  ['paragraph', 'toolbar.paragraph'],
  ['subhead', 'toolbar.subhead'],
  ['quote', 'toolbar.quote'],
  ['signature', 'toolbar.signature'],
];

/** What the buttons show; the toolbar re-renders only when this changes, not on every keystroke. */
interface ToolbarState {
  blockType: ReturnType<typeof currentBlockType>;
  bold: boolean;
  italic: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

function toolbarState(editor: StoryEditor): ToolbarState {
  return {
    blockType: currentBlockType(editor),
    bold: isMarkActive(editor, 'bold'),
    italic: isMarkActive(editor, 'italic'),
    canUndo: editor.history.undos.length > 0,
    canRedo: editor.history.redos.length > 0,
  };
}

const sameState = (a: ToolbarState | null, b: ToolbarState) =>
  !!a &&
  a.blockType === b.blockType &&
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.canUndo === b.canUndo &&
  a.canRedo === b.canRedo;

export function Toolbar({
  onFind,
  onPickImages,
  disabled,
}: {
  onFind: () => void;
  onPickImages: (files: File[]) => void;
  disabled: boolean;
}) {
  const editor = useSlateStatic();
  const state = useSlateSelector(toolbarState, sameState);
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const blockType = state.blockType;
  // mousedown would move focus out of the editor and lose the selection the command acts on.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const refocus = () => ReactEditor.focus(editor);

  return (
    <div className="toolbar" role="toolbar" data-testid="editor-toolbar">
      <div className="toolbar-group">
        {BLOCK_BUTTONS.map(([type, label]) => (
          <button
            key={type}
            type="button"
            className={`tb-btn${blockType === type ? ' is-active' : ''}`}
            onMouseDown={keep}
            disabled={disabled}
            data-testid={`tb-${type}`}
            onClick={() => {
              toggleBlockType(editor, type);
              refocus();
            }}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className={`tb-btn tb-bold${state.bold ? ' is-active' : ''}`}
          title={`${t('toolbar.bold')} (Ctrl+B)`}
          onMouseDown={keep}
          disabled={disabled}
          data-testid="tb-bold"
          onClick={() => toggleMark(editor, 'bold')}
        >
          B
        </button>
        <button
          type="button"
          className={`tb-btn tb-italic${state.italic ? ' is-active' : ''}`}
          title={`${t('toolbar.italic')} (Ctrl+I)`}
          onMouseDown={keep}
          disabled={disabled}
          data-testid="tb-italic"
          onClick={() => toggleMark(editor, 'italic')}
        >
          I
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className="tb-btn"
          onMouseDown={keep}
          disabled={disabled}
          data-testid="tb-photo"
          onClick={() => fileInput.current?.click()}
        >
          {t('toolbar.photo')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          multiple
          hidden
          data-testid="tb-photo-file"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            onPickImages(files);
          }}
        />
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className="tb-btn"
          title={`${t('toolbar.undo')} (Ctrl+Z)`}
          onMouseDown={keep}
          disabled={disabled || !state.canUndo}
          onClick={() => HistoryEditor.undo(editor)}
        >
          ↶
        </button>
        <button
          type="button"
          className="tb-btn"
          title={`${t('toolbar.redo')} (Ctrl+Shift+Z)`}
          onMouseDown={keep}
          disabled={disabled || !state.canRedo}
          onClick={() => HistoryEditor.redo(editor)}
        >
          ↷
        </button>
        <button
          type="button"
          className="tb-btn"
          title={`${t('toolbar.find')} (Ctrl+F)`}
          onMouseDown={keep}
          onClick={onFind}
          data-testid="tb-find"
        >
          {t('toolbar.find')}
        </button>
      </div>
    </div>
  );
}
