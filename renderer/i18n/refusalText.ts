/**
 * A refused workflow move in the reader's language, from the refusal's data (never from main's Chinese
 * message): the summary line, and every missing item as its own line.
 */
import type { MissingItem, MoveRefusal } from '../../shared/rules/moveRefusal';
import type { Translate } from './i18n';

export interface RefusalWords {
  summary: string;
  items: string[];
}

export function missingItemText(t: Translate, item: MissingItem): string {
  if (item.kind === 'headline') return t('refusal.item.headline');
  if (item.kind === 'body') return t('refusal.item.body');
  return t(`refusal.item.${item.code}`, {
    n: (item.block ?? 0) + 1,
    name: item.name ?? '',
    role: item.role ?? '',
  });
}

export function refusalText(t: Translate, r: MoveRefusal): RefusalWords {
  switch (r.kind) {
    case 'missing':
      return {
        summary: t('refusal.missing', { status: t(`status.${r.to}`), n: r.items.length }),
        items: r.items.map((item) => missingItemText(t, item)),
      };
    case 'not_in_workflow':
      return {
        summary: t('refusal.not_in_workflow', { from: t(`status.${r.from}`), to: t(`status.${r.to}`) }),
        items: [],
      };
    case 'role':
      return {
        summary: t('refusal.role', { role: t(`role.${r.role}`), from: t(`status.${r.from}`), to: t(`status.${r.to}`) }),
        items: [],
      };
    case 'not_own':
      return { summary: t('refusal.not_own', { role: t(`role.${r.role}`), owner: r.owner }), items: [] };
    case 'spike':
      return { summary: t(r.restore ? 'refusal.restore' : 'refusal.spike', { role: t(`role.${r.role}`) }), items: [] };
    case 'not_spiked':
    case 'already_spiked':
    case 'sync_conflict':
      return { summary: t(`refusal.${r.kind}`), items: [] };
  }
}
