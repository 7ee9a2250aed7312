/** Import copy: paste raw copy or pick a .txt file, check the recognised structure, then store it as a draft and open it. */
import { useRef, useState, type ChangeEvent } from 'react';
import { api } from '../../api/transport';
import { useT } from '../../i18n/i18n';
import './copydesk.css';
import { CopyPreview } from './CopyPreview';
import { ImportManyPanel } from './ImportManyPanel';
import { readCopyFile } from './readCopyFile';
import { useParsedCopy } from './useParsedCopy';
import { Dialog } from '../../common/dialog/Dialog';
import { errorText } from '../../i18n/errorText';

interface Props {
  onClose: () => void;
  /** Opens the imported story in the editor. */
  onImported: (id: string) => void;
}

export function ImportCopyDialog({ onClose, onImported }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Several files picked at once: imported as one batch with progress instead of previewed one by one. */
  const [many, setMany] = useState<File[] | null>(null);
  const { parsed, error: parseError } = useParsedCopy(text);
  const fileInput = useRef<HTMLInputElement>(null);

  const pickFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    if (picked.length > 1) {
      setMany(picked);
      return;
    }
    const file = picked[0];
    if (!file) return;
    try {
      setText(await readCopyFile(file));
      setFileName(file.name);
      setError(null);
    } catch {
      setError(t('copy.import.readFailed', { name: file.name }));
    }
  };

  const importCopy = async () => {
    setImporting(true);
    setError(null);
    const r = await api.call('copy.import', { text });
    setImporting(false);
    if (r.ok) onImported(r.value.id);
    else setError(errorText(t, r.error));
  };

  return (
    <Dialog title={t('copy.import.title')} onClose={onClose} className="import-copy-dialog" testId="import-copy-dialog">
      {many ? (
        <ImportManyPanel files={many} onClose={onClose} />
      ) : (
        <>
          <div className="import-copy-columns">
            <div className="import-copy-source">
              <textarea
                className="import-copy-text"
                value={text}
                placeholder={t('copy.import.placeholder')}
                data-testid="import-copy-text"
                autoFocus
                aria-label={t('copy.import.title')}
                spellCheck={false}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setFileName(null);
                }}
              />
              <div className="import-copy-file">
                {/* A real button (Tab reaches it, Enter or Space opens the picker); the file input stays hidden. */}
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => fileInput.current?.click()}
                  data-testid="import-copy-pick-file"
                >
                  {t('copy.import.pickFile')}
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  accept=".txt,text/plain"
                  multiple
                  hidden
                  tabIndex={-1}
                  data-testid="import-copy-file"
                  onChange={(e) => void pickFile(e)}
                />
                {fileName && <span className="muted">{fileName}</span>}
              </div>
            </div>
            <div className="import-copy-preview">
              <div className="copy-preview-title">{t('copy.import.preview')}</div>
              {parsed && text.trim() ? (
                <CopyPreview parsed={parsed} />
              ) : (
                <div className="empty">{t('copy.preview.empty')}</div>
              )}
              {parseError && <div className="banner banner-error">{errorText(t, parseError)}</div>}
            </div>
          </div>
          {error && (
            <div className="banner banner-error" role="alert" data-testid="import-copy-error">
              {error}
            </div>
          )}
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose} data-testid="import-copy-cancel">
              {t('copy.import.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!text.trim() || importing}
              onClick={() => void importCopy()}
              data-testid="import-copy-submit"
            >
              {importing ? t('copy.import.importing') : t('copy.import.submit')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
