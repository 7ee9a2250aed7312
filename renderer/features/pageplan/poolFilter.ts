/** The story pool's filter: a status (approved first by default) as the list request, and a search over what is loaded. */
import type { RequestOf } from '../../../shared/ipc/contract';
import type { ArticleSummary } from '../../../shared/model/article';
import type { ArticleStatus } from '../../../shared/model/status';

/** A status, or every unplaced story with the approved ones first. */
export type PoolStatus = ArticleStatus | 'all';

/** The statuses the pool offers, the default first: layout places approved copy. */
export const POOL_STATUSES: readonly PoolStatus[] = ['approved', 'all', 'edited', 'submitted', 'draft'];

/** The listing request for one page of the pool under this status. */
export function poolRequest(status: PoolStatus, offset: number, limit: number): RequestOf<'articles.list'> {
  return status === 'all'
    ? // Status order reversed puts 已签发 before 已编辑, 已交稿 and 草稿 (placed stories are not in the pool).
      { page: '-', offset, limit, sort: 'status', reverse: true }
    : { page: '-', offset, limit, status: [status] };
}

/** Stories whose headline, kicker or credits contain every word of the query (case-insensitive). */
export function matchesPool(s: ArticleSummary, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [s.kicker, s.headline, ...s.bylineNames, ...s.correspondentNames].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}
