/**
 * Revisions of the story being edited: the list, a comparison of any two (by default what
 * changed since the reporter submitted) and restoring an old one as a new revision.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/transport';
import { useT } from '../../i18n/i18n';
import { RevisionCompare, type CompareMode } from './RevisionCompare';
import { RevisionList } from './RevisionList';
import './revisions.css';
import { useRevisions } from './useRevisions';
import { DialogBackdrop } from '../../common/DialogBackdrop';
import { errorText } from '../../i18n/errorText';
import type { RevisionsViewProps } from '../../common/storyPanels';

type Props = RevisionsViewProps;

export function RevisionsView({ articleId, prepare, baseRevision, onRestored, onClose }: Props) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [mode, setMode] = useState<CompareMode>('inline');
  const [changesOnly, setChangesOnly] = useState(true);
  const [busy, setBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const revisions = useRevisions(articleId, ready);

  const prepareRef = useRef(prepare);
  prepareRef.current = prepare;
  useEffect(() => {
    let live = true;
    // Once, on opening. Even if the save failed, the stored revisions are still worth seeing.
    void prepareRef.current().finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  const restore = async (revision: number) => {
    setBusy(true);
    setRestoreError(null);
    await prepare();
    const r = await api.call('revisions.restore', { id: articleId, revision, baseRevision: baseRevision() });
    setBusy(false);
    if (r.ok) onRestored(r.value);
    else setRestoreError(errorText(t, r.error));
  };

  const { list, pair, from, to } = revisions;
  return (
    <DialogBackdrop onClose={onClose}>
      <div
        className="dialog revisions-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="revisions-title"
        data-testid="revisions-view"
      >
        <div className="revisions-head">
          <h2 id="revisions-title">{t('revisions.title')}</h2>
          {pair && (
            <span className="muted" data-testid="revisions-pair">
              {t('revisions.comparing', { from: pair.from, to: pair.to })}
            </span>
          )}
          <span className="spacer" />
          <div className="segmented" role="group" aria-label={t('revisions.mode')}>
            {(['inline', 'side'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={`btn btn-small${mode === m ? ' is-active' : ''}`}
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
                data-testid={`revisions-mode-${m}`}
              >
                {t(`revisions.mode.${m}`)}
              </button>
            ))}
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={changesOnly}
              onChange={(e) => setChangesOnly(e.currentTarget.checked)}
              data-testid="revisions-changes-only"
            />
            {t('revisions.changesOnly')}
          </label>
          <button type="button" className="btn" onClick={onClose} data-testid="revisions-close">
            {t('revisions.close')}
          </button>
        </div>
        {(revisions.error || restoreError) && (
          <div className="banner banner-error" role="alert" data-testid="revisions-error">
            {restoreError ?? (revisions.error && errorText(t, revisions.error))}
          </div>
        )}
        <div className="revisions-body">
          {list === null ? (
            <div className="empty">{t('app.loading')}</div>
          ) : (
            <RevisionList
              list={list}
              pair={pair}
              onPair={revisions.setPair}
              onRestore={(n) => void restore(n)}
              busy={busy}
            />
          )}
          <div className="revisions-compare">
            {list !== null && list.length < 2 ? (
              <div className="empty">{t('revisions.onlyOne')}</div>
            ) : from && to ? (
              <RevisionCompare from={from} to={to} mode={mode} changesOnly={changesOnly} />
            ) : (
              <div className="empty">{t('app.loading')}</div>
            )}
          </div>
        </div>
      </div>
    </DialogBackdrop>
  );
}
