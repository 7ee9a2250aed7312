/** How many findings a check panel shows, counting every kind: a credit problem is never beside "0 条". */
import type { Translate } from './i18n';

export function findingCountText(t: Translate, found: { punctuation: number; credit: number }): string {
  const n = found.punctuation + found.credit;
  return found.credit > 0
    ? t('lint.countAll', { n, credit: found.credit, punct: found.punctuation })
    : t('lint.count', { n });
}
