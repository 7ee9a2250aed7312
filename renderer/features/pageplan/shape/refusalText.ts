/** A shape refusal in the reader's language: the three a pointer meets most are worded here, the rest as the rule says. */
import type { ShapeRefusal } from '../../../../shared/rules/pageplan/slotEdits';
import { MASTHEAD_LINES } from '../../../../shared/rules/pageplan/pageTemplates';
import type { Translate } from '../../../i18n/i18n';

export function refusalText(t: Translate, r: ShapeRefusal): string {
  if (r.kind === 'overlap') return t('plan.shape.overlap', { other: r.other ?? '' });
  if (r.kind === 'masthead') return t('plan.shape.masthead', { lines: MASTHEAD_LINES });
  if (r.kind === 'outside') return t('plan.shape.outside');
  return r.reason;
}
