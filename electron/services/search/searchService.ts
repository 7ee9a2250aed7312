/**
 * Keeps the search index in step with the store: built from the article files on first
 * use (in batches, yielding between them so the main process keeps answering), then
 * updated on every save.
 */
import type { SearchHit } from '../../../shared/ipc/contract';
import type { Article } from '../../../shared/model/article';
import { blockText } from '../../../shared/model/document';
import type { ArticleStore } from '../articleStore';
import { SearchIndex, type SearchDoc } from './searchIndex';

export function searchDocOf(a: Article): SearchDoc {
  const body = a.body.map((b) => (b.type === 'photo' ? b.caption : blockText(b))).join('\n');
  return { kicker: a.kicker, headline: a.headline, subheadline: a.subheadline, body };
}

export class SearchService {
  private readonly index = new SearchIndex();
  private building: Promise<void> | null = null;

  constructor(private readonly store: ArticleStore) {
    store.onWrite((a) => {
      // Spiked stories leave the results; restoring puts them back.
      if (a.status === 'spiked') this.index.remove(a.id);
      else if (this.building) this.index.put(a.id, searchDocOf(a));
    });
  }

  /** Builds the index once; concurrent callers share the same build. */
  ready(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<void> {
    const { items } = this.store.list({ limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    const BATCH = 200;
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = await Promise.all(items.slice(i, i + BATCH).map((s) => this.store.get(s.id).catch(() => null)));
      for (const a of batch) {
        // A save that landed while this batch was read already indexed the newer text.
        if (!a || a.status === 'spiked' || this.store.summary(a.id)?.revision !== a.revision) continue;
        this.index.put(a.id, searchDocOf(a));
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  async query(q: string, limit: number): Promise<{ total: number; hits: SearchHit[] }> {
    await this.ready();
    const matches = this.index.query(q);
    const hits: SearchHit[] = [];
    for (const m of matches) {
      const summary = this.store.summary(m.id);
      if (!summary) continue;
      hits.push({
        id: m.id,
        kicker: summary.kicker,
        headline: summary.headline,
        status: summary.status,
        updatedAt: summary.updatedAt,
        field: m.field,
        snippet: this.index.snippet(m, q.trim().length),
      });
    }
    hits.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    return { total: hits.length, hits: hits.slice(0, limit) };
  }
}
