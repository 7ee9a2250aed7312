/**
 * The photo void block: picture, caption and credit edited in the block's own inputs, so body
 * text never flows into a caption. A credit is typed as printed and kept structured.
 */
import { memo, useRef, useState, type ReactNode } from 'react';
import { Transforms } from 'slate';
import { ReactEditor, useSelected, useSlateStatic, type RenderElementProps } from 'slate-react';
import { formatPhotoCredit } from '../../../shared/model/people';
import type { PhotoElement } from '../../../shared/model/document';
import { parseCredit } from '../../../shared/rules/parseCredit';
import { transport } from '../../api/transport';
import { imageErrorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';
import { importImage } from '../importImage';

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
    const parsed = parseCredit(text);
    const same = JSON.stringify(parsed) === JSON.stringify(element.credit);
    if (!same) update({ credit: parsed });
  };

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
              value={element.caption}
              placeholder={t('photo.captionPlaceholder')}
              data-testid="photo-caption"
              onChange={(e) => update({ caption: e.currentTarget.value.replace(/[\r\n]+/g, ' ') })}
            />
          </label>
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
