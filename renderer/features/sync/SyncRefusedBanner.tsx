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

export function SyncRefusedBanner({ id, flush, onReplaced }: SyncRefusedBannerProps) {
  const t = useT();
  const { refused } = useSyncProblems();
  const [error, setError] = useState<string | null>(null);
  const mine = refused.find((r) => r.id === id);
  if (!mine) return null;
  const discard = async () => {
    if (!window.confirm(t('sync.discardConfirm'))) return;
    await flush();
    const r = await api.call('sync.discard', { id });
    if (r.ok) onReplaced(r.value);
    else setError(errorText(t, r.error));
  };
  return (
    <div className="banner banner-error" role="alert" data-testid="sync-refused-banner">
      {t('sync.refusedBanner', { why: mine.reason })}
      <button type="button" className="btn btn-small" onClick={() => void discard()} data-testid="sync-discard">
        {t('sync.discard')}
      </button>
      {error && <span> {error}</span>}
    </div>
  );
}
