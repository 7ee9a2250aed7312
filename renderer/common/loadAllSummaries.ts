/**
 * The desk needs every story the store lists (its filters and sorts run over all of them), but one
 * articles.list call returns at most 500: this pages through with offset until the store's total is in.
 */
import type { ArticleSummary } from '../../shared/model/article';
import type { IpcError, Result } from '../../shared/ipc/errors';

/** The contract's largest page (ArticleListQuerySchema's limit). */
export const LIST_PAGE_LIMIT = 500;

export type ListPage = (offset: number, limit: number) => Promise<Result<{ total: number; items: ArticleSummary[] }>>;

export async function loadAllSummaries(
  listPage: ListPage,
): Promise<{ ok: true; items: ArticleSummary[]; total: number } | { ok: false; error: IpcError }> {
  const byId = new Map<string, ArticleSummary>();
  let total = 0;
  for (let offset = 0; ; offset += LIST_PAGE_LIMIT) {
    const r = await listPage(offset, LIST_PAGE_LIMIT);
    if (!r.ok) return r;
    total = r.value.total;
    // A save between two pages moves its story to the top and shifts the rest by one: keep each story once.
    for (const item of r.value.items) byId.set(item.id, item);
    if (r.value.items.length < LIST_PAGE_LIMIT || offset + LIST_PAGE_LIMIT >= total) break;
  }
  return { ok: true, items: [...byId.values()], total };
}
