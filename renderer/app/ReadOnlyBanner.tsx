/**
 * A store opened read-only (another program owns it and cannot be reached, or the disk is full): a 只读
 * mark in the top bar and a banner under it from start-up, in the reader's language, for as long as the
 * window runs. Nothing to dismiss: every save stays refused until the app is reopened on a writable store.
 */
import type { StoreAccessStatus } from '../../shared/ipc/contract';
import { useT } from '../i18n/i18n';

type ReadOnly = Extract<StoreAccessStatus, { mode: 'read-only' }>;

export function ReadOnlyBadge({ access }: { access: ReadOnly }) {
  const t = useT();
  return (
    <span className="read-only-badge" data-testid="read-only-badge" data-code={access.code}>
      {t('readOnly.badge')}
    </span>
  );
}

export function ReadOnlyBanner({ access }: { access: ReadOnly }) {
  const t = useT();
  return (
    <div
      className="banner banner-error read-only-banner"
      role="alert"
      data-testid="read-only-banner"
      data-code={access.code}
      // The main process's own words name the folder and the owner; the banner says it in the reader's language.
      title={access.message}
    >
      <strong>{t(access.code === 'disk_full' ? 'readOnly.diskFull' : 'readOnly.ownerUnreachable')}</strong>
      <span>{t('readOnly.consequence')}</span>
    </div>
  );
}
