/**
 * 连接中断: over the whole window while the page cannot reach the Newsdesk service, so a lost host never looks
 * like an empty desk. The screens stay mounted underneath (the editor keeps its text); a retry that gets
 * through lifts it, and the lists reload (common/useReloadOnEvents).
 */
import { useEffect, useState } from 'react';
import { transport } from '../api/transport';
import { useT } from '../i18n/i18n';
import './connectionLost.css';

export function ConnectionLost({ forced = false, onRetry }: { forced?: boolean; onRetry?: () => Promise<void> }) {
  const t = useT();
  const [lost, setLost] = useState(() => transport.connection.lost());
  const [retrying, setRetrying] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => transport.connection.onChange(setLost), []);
  if (!lost && !forced) return null;
  const retry = async () => {
    setRetrying(true);
    setFailed(false);
    const back = await transport.connection.retry();
    if (back) await onRetry?.();
    setRetrying(false);
    setFailed(!back);
  };
  return (
    <div className="connection-lost-backdrop">
      <div
        className="dialog connection-lost"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="connection-lost-title"
        aria-describedby="connection-lost-body"
        data-testid="connection-lost"
      >
        <h2 id="connection-lost-title">{t('connection.lost')}</h2>
        <p id="connection-lost-body">{t('connection.lostBody')}</p>
        {failed && (
          <p className="connection-lost-again" data-testid="connection-still-lost">
            {t('connection.stillLost')}
          </p>
        )}
        <div className="dialog-actions">
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-primary"
            disabled={retrying}
            onClick={() => void retry()}
            data-testid="connection-retry"
            autoFocus
          >
            {retrying ? t('connection.retrying') : t('connection.retry')}
          </button>
        </div>
      </div>
    </div>
  );
}
