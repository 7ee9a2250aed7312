/** Desks and a hub for sync tests: temp stores with replicators pointed at one stand-in hub. */
import { emptyContent, type ArticleContent } from '../../../../shared/model/article';
import type { StoredArticle } from '../../../../shared/model/syncFields';
import type { Replicator } from '../../../../electron/services/sync/replicator';
import { bodyOf } from '../../../../electron/services/revisionTree/articleDoc';
import { openTempStore, type TempStore } from '../tempStore';
import type { StandInHub } from './standInHub';

export interface Desk {
  store: TempStore;
  replicator: Replicator;
  stored(id: string): Promise<StoredArticle>;
}

export async function openDesk(hub: StandInHub, name: string, opts: { batchSize?: number } = {}): Promise<Desk> {
  // A copy desk: sync tests edit one story from several desks, which a reporter may not (she edits only her own drafts).
  const store = await openTempStore({ userName: name, role: 'copy-editor' });
  const replicator = store.services.sync.replicatorFor(hub.dbUrl, null, opts);
  return { store, replicator, stored: (id) => store.services.articles.getStored(id) };
}

export function content(headline: string, text = '正文。'): ArticleContent {
  return {
    ...emptyContent(),
    headline,
    source: '本报讯',
    body: [{ type: 'paragraph', children: [{ text }] }],
  };
}

/** A body as the hub holds it, without the protocol's own fields. */
export function hubBody(doc: Record<string, unknown>): string {
  const copy = { ...doc };
  for (const k of Object.keys(copy)) if (k.startsWith('_')) delete copy[k];
  return JSON.stringify(copy);
}

export function localBody(s: StoredArticle): string {
  return JSON.stringify(bodyOf(s));
}
