/** The revisions of a story, newest first: who saved, when, at which status; pick the two to compare, or restore one. */
import { useT } from '../../i18n/i18n';
import { formatDeskTime } from '../../common/formatTime';
import type { RevisionMeta } from '../../../shared/model/revisionMeta';
import type { RevisionPair } from './defaultPair';

interface Props {
  list: RevisionMeta[];
  pair: RevisionPair | null;
  onPair: (pair: RevisionPair) => void;
  onRestore: (revision: number) => void;
  busy: boolean;
}

export function RevisionList({ list, pair, onPair, onRestore, busy }: Props) {
  const t = useT();
  const newest = list[0]?.revision;
  return (
    <ol className="rev-list" data-testid="revision-list">
      <li className="rev-list-head muted">
        <span title={t('revisions.pickOld')}>{t('revisions.old')}</span>
        <span title={t('revisions.pickNew')}>{t('revisions.new')}</span>
        <span />
      </li>
      {list.map((m) => {
        const isFrom = pair?.from === m.revision;
        const isTo = pair?.to === m.revision;
        return (
          <li
            key={m.revision}
            className={`rev-item${isFrom || isTo ? ' is-picked' : ''}${m.milestone ? ' is-milestone' : ''}`}
            data-testid="revision-item"
            data-revision={m.revision}
            data-milestone={m.milestone}
          >
            <input
              type="radio"
              name="rev-from"
              aria-label={t('revisions.pickOld')}
              checked={isFrom}
              onChange={() => pair && onPair({ from: m.revision, to: pair.to })}
              data-testid="revision-from"
            />
            <input
              type="radio"
              name="rev-to"
              aria-label={t('revisions.pickNew')}
              checked={isTo}
              onChange={() => pair && onPair({ from: pair.from, to: m.revision })}
              data-testid="revision-to"
            />
            <div className="rev-item-body">
              <div className="rev-item-line">
                <strong>{t('revisions.revision', { n: m.revision })}</strong>
                <span className={`status-pill status-${m.status}`}>{t(`status.${m.status}`)}</span>
                {m.milestone && (
                  <span className="rev-milestone" title={t('revisions.milestoneHint')}>
                    ★ {t('revisions.milestone')}
                  </span>
                )}
                {m.revision === newest && <span className="muted">{t('revisions.current')}</span>}
              </div>
              <div className="rev-item-line muted">
                {m.updatedBy} · {formatDeskTime(m.updatedAt)}
              </div>
            </div>
            {m.revision !== newest && (
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={busy}
                onClick={() => onRestore(m.revision)}
                data-testid="revision-restore"
                title={t('revisions.restoreHint')}
              >
                {t('revisions.restore')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
