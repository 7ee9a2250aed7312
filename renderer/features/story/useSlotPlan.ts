/** The issue a placed story sits in, read when its placement changes and again when that issue is saved. */
import { useEffect, useState } from 'react';
import type { Placement } from '../../../shared/model/article';
import { issueIdForDate, type Issue } from '../../../shared/model/issue';
import { api, transport } from '../../api/transport';

export function useSlotPlan(placement: Placement | null): Issue | null {
  const [plan, setPlan] = useState<Issue | null>(null);
  const date = placement?.issueDate ?? null;
  useEffect(() => {
    setPlan(null);
    if (!date) return;
    let live = true;
    const load = () =>
      void api.call('issues.get', { id: issueIdForDate(date) }).then((r) => {
        if (live && r.ok) setPlan(r.value);
      });
    load();
    const off = transport.onEvent((e) => {
      if (e.event === 'issue.saved' && e.date === date) load();
    });
    return () => {
      live = false;
      off();
    };
  }, [date]);
  return plan;
}
