/** Offered on opening a story whose local journal holds text the store never got. */
import { useT } from '../../i18n/i18n';
import type { JournalEntry } from './recoveryJournal';

export function RecoveryOffer({
  entry,
  onAccept,
  onDiscard,
}: {
  entry: JournalEntry;
  onAccept: () => void;
  onDiscard: () => void;
}) {
  const t = useT();
  return (
    <div className="banner banner-warn" role="alert" data-testid="recover-offer">
      <strong>{t('recover.title')}</strong>
      <span>{t('recover.body', { at: new Date(entry.writtenAt).toLocaleString() })}</span>
      <span className="banner-actions">
        <button type="button" className="btn btn-primary btn-small" data-testid="recover-accept" onClick={onAccept}>
          {t('recover.accept')}
        </button>
        <button type="button" className="btn btn-small" data-testid="recover-discard" onClick={onDiscard}>
          {t('recover.discard')}
        </button>
      </span>
    </div>
  );
}
