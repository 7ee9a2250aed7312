/** The top bar's sync state: 已同步 / 同步中 (n) / 离线 / 冲突 n / 被拒 n / 出错 (why); nothing while no hub is set. */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/ipc/events';
import { api, transport } from '../../api/transport';
import { useT } from '../../i18n/i18n';

export function SyncIndicator() {
  const t = useT();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void api.call('sync.status', {}).then((r) => r.ok && setStatus(r.value));
    return transport.onEvent((e) => {
      if (e.event === 'sync.status') setStatus(e);
    });
  }, []);
  if (!status || status.state === 'off') return null;
  const text =
    status.state === 'syncing'
      ? t('sync.syncing', { n: status.pending })
      : status.state === 'conflict'
        ? t('sync.conflict', { n: status.conflicts })
        : status.state === 'refused'
          ? t('sync.refused', { n: status.refused })
          : status.state === 'error'
            ? t('sync.error', { why: status.message ?? '' })
            : t(status.state === 'offline' ? 'sync.offline' : 'sync.synced');
  return (
    <span className={`sync-indicator sync-${status.state}`} data-testid="sync-indicator" title={status.message ?? text}>
      {text}
    </span>
  );
}
