/**
 * The revisions of a story, newest first: who saved, when, at which status; pick the two to compare, or restore
 * one. Autosaves between two explicit moments show as one revision (shared/rules/revisionGroups), each save
 * listed underneath on request.
 */
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDeskTime } from '../../common/formatTime';
import type { RevisionMeta } from '../../../shared/model/revisionMeta';
import { groupRevisions } from '../../../shared/rules/revisionGroups';
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
  const groups = useMemo(() => groupRevisions(list), [list]);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const item = (m: RevisionMeta, autosave: boolean) => (
    <RevisionItem
      key={m.revision}
      m={m}
      autosave={autosave}
      newest={m.revision === newest}
      pair={pair}
      onPair={onPair}
      onRestore={onRestore}
      busy={busy}
    />
  );
  return (
    <ol className="rev-list" data-testid="revision-list">
      <li className="rev-list-head muted">
        <span title={t('revisions.pickOld')}>{t('revisions.old')}</span>
        <span title={t('revisions.pickNew')}>{t('revisions.new')}</span>
        <span />
      </li>
      {groups.map(({ head, members }) => {
        const under = members.slice(1);
        // A group holding a revision being compared stays open, so its radio button can be seen.
        const picked = under.some((m) => m.revision === pair?.from || m.revision === pair?.to);
        const expanded = open.has(head.revision) || picked;
        return [
          item(head, false),
          under.length > 0 && (
            <li key={`g${head.revision}`} className="rev-group" data-testid="revision-group" data-head={head.revision}>
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-expanded={expanded}
                disabled={picked}
                onClick={() =>
                  setOpen((s) => {
                    const next = new Set(s);
                    if (next.has(head.revision)) next.delete(head.revision);
                    else next.add(head.revision);
                    return next;
                  })
                }
                data-testid="revision-group-toggle"
              >
                {expanded ? '▾' : '▸'} {t('revisions.autosaves', { n: under.length })} ·{' '}
                {t(expanded ? 'revisions.hideAutosaves' : 'revisions.showAutosaves')}
              </button>
            </li>
          ),
          ...(expanded ? under.map((m) => item(m, true)) : []),
        ];
      })}
    </ol>
  );
}

function RevisionItem({
  m,
  autosave,
  newest,
  pair,
  onPair,
  onRestore,
  busy,
}: Omit<Props, 'list'> & { m: RevisionMeta; autosave: boolean; newest: boolean }) {
  const t = useT();
  const isFrom = pair?.from === m.revision;
  const isTo = pair?.to === m.revision;
  return (
    <li
      className={`rev-item${isFrom || isTo ? ' is-picked' : ''}${m.milestone ? ' is-milestone' : ''}${autosave ? ' is-autosave' : ''}`}
      data-testid={autosave ? 'revision-autosave' : 'revision-item'}
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
          {autosave ? (
            <span className="muted">{t('revisions.autosave')}</span>
          ) : (
            <span className={`status-pill status-${m.status}`}>{t(`status.${m.status}`)}</span>
          )}
          {m.milestone && (
            <span className="rev-milestone" title={t('revisions.milestoneHint')}>
              ★ {t('revisions.milestone')}
            </span>
          )}
          {newest && <span className="muted">{t('revisions.current')}</span>}
        </div>
        <div className="rev-item-line muted">
          {m.updatedBy} · {formatDeskTime(m.updatedAt)}
        </div>
      </div>
      {!newest && (
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
}
