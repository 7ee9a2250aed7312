/**
 * The photo void block: picture, caption and credit edited in the block's own inputs, so body
 * text never flows into a caption. A credit is typed as printed and kept structured. In 留痕 the
 * caption and credit edits are suggestions (fields/photoFields.ts), shown marked under each input; an
 * IME composition is one edit, made when it is committed, so the pinyin never becomes a suggestion.
 */
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { Transforms } from 'slate';
import { ReactEditor, useSelected, useSlateStatic, type RenderElementProps } from 'slate-react';
import { formatPhotoCredit } from '../../../shared/model/people';
import type { PhotoElement } from '../../../shared/model/document';
import { parseCredit } from '../../../shared/rules/parseCredit';
import { captionRunsOf, creditItemsOf } from '../../../shared/rules/suggestions/photoSuggestions';
import { transport } from '../../api/transport';
import { imageErrorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';
import { importImage } from '../importImage';
import { editCaptionAt, editCreditAt } from '../fields/photoFields';
import { sessionOf } from '../suggestions/session';
import { TrackedCredits, TrackedRuns } from '../suggestions/TrackedMarks';

interface Props {
  attributes: RenderElementProps['attributes'];
  element: PhotoElement;
  children: ReactNode;
}

export const Photo = memo(function Photo({ attributes, element, children }: Props) {
  const editor = useSlateStatic();
  const selected = useSelected();
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  // The credit is typed as prose; only what parses is stored, so the draft text lives here.
  const [creditText, setCreditText] = useState(() => (element.credit ? formatPhotoCredit(element.credit) : ''));
  // An undo or a rejected suggestion changes the credit under the input: show it as printed.
  useEffect(() => {
    setCreditText((text) =>
      JSON.stringify(parseCredit(text)) === JSON.stringify(element.credit)
        ? text
        : element.credit
          ? formatPhotoCredit(element.credit)
          : '',
    );
  }, [element.credit]);
  // The caption while an IME composes, committed as one edit at compositionend.
  const [composing, setComposing] = useState<string | null>(null);
  const table = sessionOf(editor)?.table;
  const path = () => ReactEditor.findPath(editor, element);

  const update = (patch: Partial<PhotoElement>): void => {
    Transforms.setNodes<PhotoElement>(editor, patch, { at: ReactEditor.findPath(editor, element) });
  };

  const pick = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setImportError(null);
    const result = await importImage(file);
    setBusy(false);
    if (result.ok) update({ asset: result.value.asset });
    else setImportError(t('photo.importFailed', { message: imageErrorText(t, file, result.error) }));
  };

  const onCredit = (text: string): void => {
    setCreditText(text);
    editCreditAt(editor, path(), element, parseCredit(text));
  };
  const onCaption = (value: string, caret?: number): void =>
    editCaptionAt(editor, path(), element, value.replace(/[\r\n]+/g, ' '), caret);

  const creditProblem = !element.credit
    ? creditText.trim()
      ? t('photo.unreadableCredit')
      : t('photo.missingCredit')
    : null;

  return (
    <div {...attributes} className={`blk blk-photo${selected ? ' is-selected' : ''}`} data-testid="photo-block">
      <div contentEditable={false} className="photo-inner">
        <div className="photo-picture">
          {element.asset ? (
            <img src={transport.assetUrl(element.asset)} alt={element.caption} draggable={false} />
          ) : (
            <div className="photo-empty">{busy ? t('photo.uploading') : t('photo.noImage')}</div>
          )}
          <div className="photo-actions">
            <button type="button" className="btn btn-small" onClick={() => fileInput.current?.click()} disabled={busy}>
              {element.asset ? t('photo.replace') : t('photo.pick')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-quiet"
              onClick={() => Transforms.removeNodes(editor, { at: ReactEditor.findPath(editor, element) })}
            >
              {t('photo.remove')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              hidden
              data-testid="photo-file"
              onChange={(e) => void pick(e.currentTarget.files?.[0])}
            />
          </div>
        </div>
        <div className="photo-fields">
          <label className="photo-field">
            <span>{t('photo.caption')}</span>
            <textarea
              rows={2}
              maxLength={2000}
              value={composing ?? element.caption}
              placeholder={t('photo.captionPlaceholder')}
              data-testid="photo-caption"
              onCompositionStart={(e) => setComposing(e.currentTarget.value)}
              onCompositionEnd={(e) => {
                setComposing(null);
                onCaption(e.currentTarget.value, e.currentTarget.selectionEnd ?? undefined);
              }}
              onChange={(e) => {
                if (composing !== null || (e.nativeEvent as InputEvent).isComposing)
                  setComposing(e.currentTarget.value);
                else onCaption(e.currentTarget.value, e.currentTarget.selectionEnd ?? undefined);
              }}
            />
          </label>
          <TrackedRuns
            runs={captionRunsOf(element)}
            table={table}
            testId="marks-photo-caption"
            label={t('review.fieldMarks', { field: t('photo.caption') })}
          />
          <label className="photo-field">
            <span>{t('photo.credit')}</span>
            <input
              value={creditText}
              placeholder={t('photo.creditPlaceholder')}
              data-testid="photo-credit"
              className={creditProblem ? 'is-flagged' : undefined}
              onChange={(e) => onCredit(e.currentTarget.value)}
            />
          </label>
          <TrackedCredits
            items={creditItemsOf(element)}
            table={table}
            testId="marks-photo-credit"
            label={t('review.fieldMarks', { field: t('photo.credit') })}
          />
          {creditProblem && (
            <div className="photo-flag" data-testid="photo-credit-flag" role="status">
              {creditProblem}
            </div>
          )}
          {importError && <div className="photo-flag">{importError}</div>}
        </div>
      </div>
      {children}
    </div>
  );
});
