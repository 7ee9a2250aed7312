/** The day's plan the hub refused (a desk whose hub account may not write plans): said on the flatplan with the hub's reason. */
import { issueIdForDate } from '../../../shared/model/issue';
import { useT } from '../../i18n/i18n';
import { useSyncProblems } from '../../common/useSyncProblems';

export function PlanRefusedBanner({ date }: { date: string | null }) {
  const t = useT();
  const { refused } = useSyncProblems();
  const mine = date ? refused.find((r) => r.id === issueIdForDate(date)) : undefined;
  if (!mine) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="plan-refused">
      {t('plan.refusedBanner', { why: mine.reason })}
    </div>
  );
}
