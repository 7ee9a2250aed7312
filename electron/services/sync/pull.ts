/**
 * One pull step of the replication protocol: read `_changes` from the checkpoint, ask the local
 * rev trees which revisions are missing, fetch them with `_bulk_get`, write each story durably,
 * and only then move the checkpoint.
 */
import { ARTICLE_ID_PATTERN } from '../../../shared/model/article';
import { conflictCount, DocBodySchema, TombstoneBodySchema } from '../../../shared/model/syncFields';
import type { ArticleEdit, ArticleStore } from '../articleStore';
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

/** Stories whose rev trees are read (and photos stored) at once while a page is prepared. */
const WRITE_CONCURRENCY = 32;
/**
 * Revisions per `_bulk_get` page, and so per group commit: small enough that the one page not
 * overlapped with a write (the first of a step) is short, large enough that the per-batch fsyncs
 * (index journal, articles/ and revisions/ folders) cost little per story.
 */
const BULK_GET_CHUNK = 100;

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
  if (doc._deleted) {
    const said = TombstoneBodySchema.safeParse(doc);
    return { rev: doc._rev, revisions, deleted: true, body: null, tombstone: said.success ? said.data : null };
  }
  const parsed = DocBodySchema.safeParse(doc);
  // Anything that is not one of our stories (a stray or older document) is left on the hub.
  if (!parsed.success || parsed.data.id !== doc._id) return null;
  return { rev: doc._rev, revisions, deleted: false, body: parsed.data };
}

/** Writes one page of fetched revisions as one group commit; returns how many stories changed. */
async function writePage(ctx: PullContext, docs: HubDoc[]): Promise<number> {
  const byId = new Map<string, HubDoc[]>();
  for (const doc of docs) byId.set(doc._id, [...(byId.get(doc._id) ?? []), doc]);
  const edits: ArticleEdit[] = [];
  await forEachLimit([...byId], WRITE_CONCURRENCY, async ([id, revs]) => {
    const incoming = revs.map(toRemote).filter((r): r is RemoteRevision => r !== null);
    if (incoming.length === 0) return;
    for (const doc of revs) await storeAttachments(doc, ctx.assets);
    edits.push({
      id,
      read: 'lenient',
      plan: (current) => {
        const applied = applyRemote(current, incoming);
        if (!applied) return null;
        const conflictsMoved = conflictCount(applied.stored) !== (current ? conflictCount(current) : 0);
        return { stored: applied.stored, notify: applied.winnerChanged || conflictsMoved, local: false };
      },
    });
  });
  const outcomes = await ctx.store.writeMany(edits);
  const failed = outcomes.find((o) => !o.ok);
  // The checkpoint stays where it was, so the next step fetches this page again.
  if (failed && !failed.ok) throw failed.error;
  return outcomes.filter((o) => o.ok && o.stored).length;
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
  let fetched = 0;
  let written = 0;
  // Each _bulk_get page is written in one group commit while the next page is on its way.
  const fetchPage = (from: number) => ctx.hub.bulkGet(wanted.slice(from, from + BULK_GET_CHUNK));
  let page = wanted.length > 0 ? fetchPage(0) : null;
  for (let i = 0; i < wanted.length; i += BULK_GET_CHUNK) {
    const docs = await page!;
    page = i + BULK_GET_CHUNK < wanted.length ? fetchPage(i + BULK_GET_CHUNK) : null;
    // A failed write below leaves this fetch unread; its error (if any) is not the one to report.
    page?.catch(() => undefined);
    fetched += docs.length;
    written += await writePage(ctx, docs);
  }
  if (feed.results.length > 0) await ctx.checkpoint.save(feed.last_seq);
  return { rows: feed.results.length, written, fetched, lastSeq: feed.last_seq ?? since };
}
