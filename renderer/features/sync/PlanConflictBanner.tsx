/**
 * Two plans of one day (another layout desk placed stories at the same time): the flatplan names
 * every slot the plans fill differently and lets a person keep one of them; never a silent overwrite.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { api, transport } from '../../api/transport';
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';

type Conflict = ResponseOf<'sync.planConflict'>;
type Plan = Conflict['current'];

interface SlotDifference {
  where: string;
  mine: string | null;
  theirs: string | null;
}

function slotMap(plan: Plan): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const page of plan.pages)
    for (const slot of page.slots) out.set(`${page.label} · ${slot.id}`, slot.articleId ?? null);
  return out;
}

function differences(current: Plan, other: Plan): SlotDifference[] {
  const a = slotMap(current);
  const b = slotMap(other);
  const out: SlotDifference[] = [];
  for (const where of new Set([...a.keys(), ...b.keys()])) {
    const mine = a.get(where) ?? null;
    const theirs = b.get(where) ?? null;
    if (mine !== theirs) out.push({ where, mine, theirs });
  }
  return out;
}

export function PlanConflictBanner({ date }: { date: string | null }) {
  const t = useT();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!date) return setConflict(null);
    const r = await api.call('sync.planConflict', { date });
    const found = r.ok && r.value.others.length > 0 ? r.value : null;
    setConflict(found);
    if (!found) return;
    const ids = new Set<string>();
    for (const d of found.others.flatMap((o) => differences(found.current, o))) {
      if (d.mine) ids.add(d.mine);
      if (d.theirs) ids.add(d.theirs);
    }
    const named: Record<string, string> = {};
    for (const id of ids) {
      const a = await api.call('articles.get', { id });
      named[id] = a.ok ? a.value.headline || id : id;
    }
    setTitles(named);
  }, [date]);

  useEffect(() => {
    void load();
    return transport.onEvent((e) => {
      if (e.event === 'issue.saved' && e.date === date) void load();
    });
  }, [date, load]);

  if (!conflict || !date) return null;
  const keep = async (rev: string) => {
    const r = await api.call('sync.resolvePlan', { date, keep: rev });
    if (r.ok) {
      setError(null);
      await load();
    } else setError(errorText(t, r.error));
  };
  const name = (id: string | null) => (id ? `「${titles[id] ?? id}」` : t('plan.conflictEmpty'));
  return (
    <div className="banner banner-error" role="alert" data-testid="plan-conflict">
      {conflict.others.map((other) => (
        <div key={other.rev}>
          {t('plan.conflictBanner', { who: other.updatedBy })}
          <ul className="sync-set-aside-list">
            {differences(conflict.current, other).map((d) => (
              <li key={d.where} data-testid="plan-conflict-slot">
                {d.where}：{t('plan.conflictShown')} {name(d.mine)} ↔ {other.updatedBy} {name(d.theirs)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void keep(conflict.current.rev)}
            data-testid="plan-keep-shown"
          >
            {t('plan.conflictKeepShown')}
          </button>{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void keep(other.rev)}
            data-testid="plan-keep-other"
          >
            {t('plan.conflictKeepOther', { who: other.updatedBy })}
          </button>
        </div>
      ))}
      {error && <span> {error}</span>}
    </div>
  );
}
