/**
 * One pull step of the replication protocol: read `_changes` from the checkpoint, ask the local
 * rev trees which revisions are missing, fetch them with `_bulk_get`, write each story durably,
 * and only then move the checkpoint.
 */
import { ARTICLE_ID_PATTERN } from '../../../shared/model/article';
import { conflictCount, DocBodySchema } from '../../../shared/model/syncFields';
import type { ArticleStore } from '../articleStore';
import type { AssetStore } from '../assetStore';
import { applyRemote, withSyncFields, type RemoteRevision } from './articleDoc';
import type { Checkpointer } from './checkpoints';
import type { HubClient, HubDoc } from './hubClient';
import { forEachLimit } from './forEachLimit';
import { storeAttachments } from './photoAttachments';
import { hasRev } from './revTree';

export interface PullContext {
  hub: HubClient;
  store: ArticleStore;
  assets: AssetStore;
  checkpoint: Checkpointer;
}

export interface PullStep {
  /** Changes rows read from the feed (all ids, including design documents we skip). */
  rows: number;
  /** Stories written locally. */
  written: number;
  /** Revisions fetched from the hub (what `_revs_diff` against the local trees left to read). */
  fetched: number;
  lastSeq: unknown;
}

const WRITE_CONCURRENCY = 32;
const BULK_GET_CHUNK = 250;

async function missingRevs(store: ArticleStore, id: string, revs: string[]): Promise<string[]> {
  if (!store.summary(id)) return revs;
  try {
    const tree = withSyncFields(await store.getStored(id))._revTree;
    return revs.filter((rev) => !hasRev(tree, rev));
  } catch {
    return revs;
  }
}

function toRemote(doc: HubDoc): RemoteRevision | null {
  const revisions = doc._revisions ?? { start: Number(doc._rev.split('-')[0]), ids: [doc._rev.split('-')[1]!] };
  if (doc._deleted) return { rev: doc._rev, revisions, deleted: true, body: null };
  const parsed = DocBodySchema.safeParse(doc);
  // Anything that is not one of our stories (a stray or older document) is left on the hub.
  if (!parsed.success || parsed.data.id !== doc._id) return null;
  return { rev: doc._rev, revisions, deleted: false, body: parsed.data };
}

export async function pullStep(
  ctx: PullContext,
  since: unknown,
  opts: { limit: number; longpollMs?: number; signal?: AbortSignal },
): Promise<PullStep> {
  const feed = await ctx.hub.changes(since, opts);
  const rows = feed.results.filter((r) => ARTICLE_ID_PATTERN.test(r.id));
  const wanted: { id: string; rev: string }[] = [];
  await forEachLimit(rows, WRITE_CONCURRENCY, async (row) => {
    const missing = await missingRevs(
      ctx.store,
      row.id,
      row.changes.map((c) => c.rev),
    );
    for (const rev of missing) wanted.push({ id: row.id, rev });
  });
  const byId = new Map<string, { docs: HubDoc[] }>();
  let fetched = 0;
  for (let i = 0; i < wanted.length; i += BULK_GET_CHUNK) {
    for (const doc of await ctx.hub.bulkGet(wanted.slice(i, i + BULK_GET_CHUNK))) {
      fetched++;
      const entry = byId.get(doc._id) ?? { docs: [] };
      entry.docs.push(doc);
      byId.set(doc._id, entry);
    }
  }
  let written = 0;
  await forEachLimit([...byId], WRITE_CONCURRENCY, async ([id, { docs }]) => {
    const incoming = docs.map(toRemote).filter((r): r is RemoteRevision => r !== null);
    if (incoming.length === 0) return;
    for (const doc of docs) await storeAttachments(doc, ctx.assets);
    const result = await ctx.store.writeSynced(id, (current) => {
      const applied = applyRemote(current, incoming);
      if (!applied) return null;
      const conflictsMoved = conflictCount(applied.stored) !== (current ? conflictCount(current) : 0);
      return { stored: applied.stored, notify: applied.winnerChanged || conflictsMoved, local: false };
    });
    if (result) written++;
  });
  if (feed.results.length > 0) await ctx.checkpoint.save(feed.last_seq);
  return { rows: feed.results.length, written, fetched, lastSeq: feed.last_seq ?? since };
}
