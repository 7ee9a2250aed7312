/** The desk's note of hub revisions this version cannot read: kept aside, named, never dropped. */
import { useT } from '../i18n/i18n';
import { setAsideText } from '../i18n/schemaProblemText';
import type { SyncProblems } from './useSyncProblems';

export function SyncSetAsideBanner({ setAside }: { setAside: SyncProblems['setAside'] }) {
  const t = useT();
  if (setAside.length === 0) return null;
  return (
    <div className="banner" role="status" data-testid="sync-set-aside">
      {t('sync.setAside', { n: setAside.length })}
      <ul className="sync-set-aside-list">
        {setAside.map((s) => (
          <li key={`${s.id} ${s.rev}`} title={s.reason}>
            <code>{s.id}</code> {setAsideText(t, s.problems, s.reason)}
          </li>
        ))}
      </ul>
    </div>
  );
}
