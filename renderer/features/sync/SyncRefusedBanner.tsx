/**
 * A story the hub refused: the editor says so with the hub's own reason, and offers to give up
 * the local change (the desk then holds the hub's version; the local one stays in the history).
 */
import { useState } from 'react';
import type { SyncRefusedBannerProps } from '../../common/storyPanels';
import { api } from '../../api/transport';
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';
import { useSyncProblems } from '../../common/useSyncProblems';
import { ConfirmDialog } from '../../common/dialog/ConfirmDialog';

export function SyncRefusedBanner({ id, flush, onReplaced }: SyncRefusedBannerProps) {
  const t = useT();
  const { refused } = useSyncProblems();
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const mine = refused.find((r) => r.id === id);
  if (!mine) return null;
  const discard = async () => {
    setAsking(false);
    await flush();
    const r = await api.call('sync.discard', { id });
    if (r.ok) onReplaced(r.value);
    else setError(errorText(t, r.error));
  };
  return (
    <div className="banner banner-error" role="alert" data-testid="sync-refused-banner">
      {t('sync.refusedBanner', { why: mine.reason })}
      <button type="button" className="btn btn-small" onClick={() => setAsking(true)} data-testid="sync-discard">
        {t('sync.discard')}
      </button>
      {error && <span> {error}</span>}
      {asking && (
        <ConfirmDialog
          title={t('sync.discardConfirm')}
          confirmLabel={t('sync.discard')}
          cancelLabel={t('workflow.cancel')}
          danger
          testId="sync-discard-confirm"
          onCancel={() => setAsking(false)}
          onConfirm={() => void discard()}
        />
      )}
    </div>
  );
}
