/** Filtering and sorting the desk list: pure, so the list stays a plain rendering of its result. */
import type { ArticleSummary } from '../../../shared/model/article';
import { STATUSES, type ArticleStatus } from '../../../shared/model/status';

export type DeskSort = 'updated' | 'page' | 'chars' | 'status';

export interface DeskFilter {
  status: ArticleStatus | '';
  /** A page label, '' for all, or '-' for stories not yet placed. */
  page: string;
  person: string;
  sort: DeskSort;
}

export const EMPTY_FILTER: DeskFilter = { status: '', page: '', person: '', sort: 'updated' };

export function peopleOf(s: ArticleSummary): string[] {
  return [...s.bylineNames, ...s.correspondentNames, s.updatedBy].filter(Boolean);
}

export function applyDeskFilter(items: ArticleSummary[], f: DeskFilter): ArticleSummary[] {
  const out = items.filter(
    (s) =>
      (!f.status || s.status === f.status) &&
      (!f.page || (f.page === '-' ? !s.placement : s.placement?.page === f.page)) &&
      (!f.person || peopleOf(s).includes(f.person)),
  );
  const byUpdated = (a: ArticleSummary, b: ArticleSummary) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
  const compare: Record<DeskSort, (a: ArticleSummary, b: ArticleSummary) => number> = {
    updated: byUpdated,
    // Placed stories in page and slot order first, then the rest by last change.
    page: (a, b) => {
      if (!a.placement || !b.placement) return a.placement ? -1 : b.placement ? 1 : byUpdated(a, b);
      return a.placement.page.localeCompare(b.placement.page) || a.placement.order - b.placement.order;
    },
    chars: (a, b) => b.bodyChars - a.bodyChars || byUpdated(a, b),
    status: (a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || byUpdated(a, b),
  };
  return out.sort(compare[f.sort]);
}

export function pagesIn(items: ArticleSummary[]): string[] {
  return [...new Set(items.flatMap((s) => (s.placement ? [s.placement.page] : [])))].sort();
}

export function peopleIn(items: ArticleSummary[]): string[] {
  return [...new Set(items.flatMap(peopleOf))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** How many stories the desk shows at once; the pager moves through the rest. */
export const DESK_PAGE_SIZE = 200;

/** The page count for n stories (at least one, so an empty list still has page 1). */
export function pageCount(n: number, size = DESK_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(n / size));
}

/** Page p (0-based, clamped to the last page) of the filtered list, with the first story's position. */
export function deskPage<T>(
  items: readonly T[],
  page: number,
  size = DESK_PAGE_SIZE,
): { rows: T[]; first: number; page: number } {
  const p = Math.min(Math.max(page, 0), pageCount(items.length, size) - 1);
  return { rows: items.slice(p * size, (p + 1) * size), first: p * size, page: p };
}
