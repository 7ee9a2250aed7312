/**
 * One pull step of the replication protocol: read `_changes` from the checkpoint, ask the local
 * rev trees which revisions are missing, fetch them with `_bulk_get`, write each story durably,
 * and only then move the checkpoint. A revision that is not a story we can read is kept aside
 * and reported, never dropped.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_ID_PATTERN } from '../../../shared/model/article';
import { conflictCount, LeafBodySchema, TombstoneBodySchema, type DocBody } from '../../../shared/model/syncFields';
import type { ArticleEdit, ArticleStore, KnownVersion } from '../store/articleStore';
import type { AssetStore } from '../assetStore';
import type { IssueStore } from '../issueStore';
import type { RemoteIssueRevision } from './issueDoc';
import { isIssueId, missingIssueRevs, toRemoteIssue, writeIssueRevisions } from './issueReplication';
import { applyRemote, withSyncFields, type RemoteRevision } from '../revisionTree/articleDoc';
import type { Checkpointer } from './checkpoints';
import type { HubClient, HubDoc } from './hubClient';
import { forEachLimit } from '../forEachLimit';
import { storeAttachments } from './photoAttachments';
import { hasRev, leaves } from '../revisionTree/revTree';
import type { SetAside, SetAsideLedger } from './setAsideLedger';
import { schemaProblemLine, schemaProblemsOf } from '../../../shared/rules/sync/schemaProblems';

export interface PullContext {
  hub: HubClient;
  store: ArticleStore;
  assets: AssetStore;
  checkpoint: Checkpointer;
  setAside: SetAsideLedger;
  /** Issue plans are pulled beside the stories when given. */
  issues?: IssueStore;
}

export interface PullStep {
  /** Changes rows read from the feed (all ids, including design documents we skip). */
  rows: number;
  /** Stories written locally. */
  written: number;
  /** Revisions fetched from the hub (what `_revs_diff` against the local trees left to read). */
  fetched: number;
  /** Revisions kept aside in this step because they fail our schema. */
  setAside: SetAside[];
  lastSeq: unknown;
  /** The feed from `lastSeq` on, already asked for (a full page was read). */
  nextFeed?: Promise<ChangesFeed>;
}

/** Stories whose rev trees are read (and photos stored) at once while a page is prepared. */
const WRITE_CONCURRENCY = 32;
/**
 * Revisions per `_bulk_get` page, and so per batch journal: small enough that the one page not
 * overlapped with a write (the first of a step) is short, large enough that the per-batch fsyncs
 * (the batch journal and the index journal) cost little per story.
 */
const BULK_GET_CHUNK = 250;
/**
 * Pages written at once: while one waits for its journal's fsync, the next writes its files. The
 * checkpoint still moves only after every page of the step is written.
 */
const PAGES_IN_FLIGHT = 2;

type ChangesFeed = Awaited<ReturnType<HubClient['changes']>>;

/**
 * The revisions the local tree lacks, the local leaves (what `atts_since` may name), and the story
 * as read for that, which its write then reuses.
 */
async function missingRevs(
  store: ArticleStore,
  id: string,
  revs: string[],
): Promise<{ missing: string[]; held: string[]; known: KnownVersion | null }> {
  if (!store.summary(id)) return { missing: revs, held: [], known: null };
  const known = await store.readKnown(id);
  if (!known) return { missing: revs, held: [], known: null };
  const tree = withSyncFields(known.stored)._revTree;
  return { missing: revs.filter((rev) => !hasRev(tree, rev)), held: leaves(tree).map((l) => l.rev), known };
}

/**
 * Photos the hub sent as stubs (unchanged since a revision we hold) that are nonetheless not in
 * assets/ here: those revisions are fetched again with their bytes.
 */
async function withMissingPhotos(ctx: PullContext, docs: HubDoc[]): Promise<HubDoc[]> {
  const again: { id: string; rev: string }[] = [];
  for (const doc of docs) {
    for (const [name, att] of Object.entries(doc._attachments ?? {})) {
      if (att.data !== undefined) continue;
      if (
        !(await stat(join(ctx.assets.dir, name)).then(
          () => true,
          () => false,
        ))
      ) {
        again.push({ id: doc._id, rev: doc._rev });
        break;
      }
    }
  }
  if (again.length === 0) return docs;
  const full = new Map((await ctx.hub.bulkGet(again)).map((d) => [`${d._id} ${d._rev}`, d]));
  return docs.map((d) => full.get(`${d._id} ${d._rev}`) ?? d);
}

/** A fetched revision as the store takes it, or why it cannot be (then it is kept aside). */
export function toRemote(doc: HubDoc): { revision: RemoteRevision | null; problem: string | null } {
  const revisions = doc._revisions ?? { start: Number(doc._rev.split('-')[0]), ids: [doc._rev.split('-')[1]!] };
  if (doc._deleted) {
    const said = TombstoneBodySchema.safeParse(doc);
    return {
      revision: { rev: doc._rev, revisions, deleted: true, body: null, tombstone: said.success ? said.data : null },
      problem: null,
    };
  }
  const parsed = LeafBodySchema.safeParse(doc);
  if (!parsed.success) {
    return { revision: null, problem: schemaProblemLine(schemaProblemsOf(parsed.error, doc)) };
  }
  if (parsed.data.id !== doc._id)
    return { revision: null, problem: `id 字段 ${parsed.data.id} 与文档 ${doc._id} 不符` };
  // Unknown fields stay (a newer peer's); CouchDB's own `_` fields do not belong to the body.
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed.data)) if (!k.startsWith('_')) body[k] = v;
  return { revision: { rev: doc._rev, revisions, deleted: false, body: body as DocBody }, problem: null };
}

/**
 * Writes one page of fetched revisions as one batch; returns how many stories changed. `after` chains
 * the ledger and plan updates of pages written at once, which read and rewrite one file each.
 */
async function writePage(
  ctx: PullContext,
  docs: HubDoc[],
  known: Map<string, KnownVersion>,
  after: { tail: Promise<unknown> },
): Promise<{ written: number; setAside: SetAside[] }> {
  const byId = new Map<string, HubDoc[]>();
  for (const doc of docs) byId.set(doc._id, [...(byId.get(doc._id) ?? []), doc]);
  const edits: ArticleEdit[] = [];
  const unreadable: { id: string; rev: string; reason: string; doc: unknown }[] = [];
  const ancestry = new Map<string, Set<string>>();
  const plans = new Map<string, RemoteIssueRevision[]>();
  await forEachLimit([...byId], WRITE_CONCURRENCY, async ([id, revs]) => {
    const plan = isIssueId(id);
    const incoming: RemoteRevision[] = [];
    for (const doc of revs) {
      const { revision, problem } = plan ? toRemoteIssue(doc) : toRemote(doc);
      if (revision) {
        if (plan) plans.set(id, [...(plans.get(id) ?? []), revision as RemoteIssueRevision]);
        else incoming.push(revision as RemoteRevision);
        const { start, ids } = revision.revisions;
        const seen = ancestry.get(id) ?? new Set<string>();
        ids.forEach((hash, i) => i > 0 && seen.add(`${start - i}-${hash}`));
        ancestry.set(id, seen);
      } else if (problem) {
        unreadable.push({ id, rev: doc._rev, reason: problem, doc });
      }
    }
    if (incoming.length === 0) return;
    for (const doc of revs) await storeAttachments(doc, ctx.assets);
    const read = known.get(id);
    edits.push({
      id,
      read: 'lenient',
      ...(read ? { known: read } : {}),
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
  const ledgers = after.tail.then(async () => {
    const plansWritten = ctx.issues ? await writeIssueRevisions(ctx.issues, plans) : 0;
    const setAside = await ctx.setAside.update(unreadable, ancestry);
    return { plansWritten, setAside };
  });
  after.tail = ledgers.catch(() => undefined);
  const { plansWritten, setAside } = await ledgers;
  return { written: outcomes.filter((o) => o.ok && o.stored).length + plansWritten, setAside };
}

export interface PullStepOptions {
  limit: number;
  longpollMs?: number;
  signal?: AbortSignal;
  /** The feed from `since`, already asked for (the previous step's `nextFeed`). */
  feed?: Promise<ChangesFeed>;
  /** The previous step, still writing: this step's checkpoint moves only after that one's. */
  after?: Promise<unknown>;
}

/** One step of the pull: reads the feed from `since`, writes what it names, moves the checkpoint. */
export async function pullStep(ctx: PullContext, since: unknown, opts: PullStepOptions): Promise<PullStep> {
  return (await beginPullStep(ctx, since, opts)).done;
}

/**
 * A step as soon as its feed is read: where the next step starts (`lastSeq`, `nextFeed`) and the
 * writing of this one (`done`), so the replicator can start the next step while this one writes.
 */
export async function beginPullStep(
  ctx: PullContext,
  since: unknown,
  opts: PullStepOptions,
): Promise<{ rows: number; lastSeq: unknown; nextFeed?: Promise<ChangesFeed>; done: Promise<PullStep> }> {
  const feed = await (opts.feed ?? ctx.hub.changes(since, opts));
  // A full page means more to come: the next page of the feed is asked for while this one is written
  // (not for a longpoll, which waits for news). Reading the feed moves nothing.
  const nextFeed =
    opts.longpollMs === undefined && feed.results.length > 0 && feed.results.length >= opts.limit
      ? ctx.hub.changes(feed.last_seq, { limit: opts.limit, signal: opts.signal })
      : undefined;
  nextFeed?.catch(() => undefined);
  const done = writeStep(ctx, since, feed, nextFeed, opts.after);
  done.catch(() => undefined);
  return { rows: feed.results.length, lastSeq: feed.last_seq ?? since, ...(nextFeed ? { nextFeed } : {}), done };
}

async function writeStep(
  ctx: PullContext,
  since: unknown,
  feed: ChangesFeed,
  nextFeed: Promise<ChangesFeed> | undefined,
  previousStep: Promise<unknown> | undefined,
): Promise<PullStep> {
  const rows = feed.results.filter((r) => ARTICLE_ID_PATTERN.test(r.id) || (ctx.issues && isIssueId(r.id)));
  const wanted: { id: string; rev: string; atts_since?: string[] }[] = [];
  const known = new Map<string, KnownVersion>();
  await forEachLimit(rows, WRITE_CONCURRENCY, async (row) => {
    const revs = row.changes.map((c) => c.rev);
    const found =
      ctx.issues && isIssueId(row.id)
        ? { missing: await missingIssueRevs(ctx.issues, row.id, revs), held: [], known: null }
        : await missingRevs(ctx.store, row.id, revs);
    const { missing, held } = found;
    // Photos unchanged since a revision this desk holds come as stubs: they are in assets/ already.
    for (const rev of missing) wanted.push({ id: row.id, rev, ...(held.length > 0 ? { atts_since: held } : {}) });
    if (found.known && missing.length > 0) known.set(row.id, found.known);
  });
  let fetched = 0;
  let written = 0;
  const setAside: SetAside[] = [];
  // Each _bulk_get page is written in one batch while the next page is on its way, and up to
  // PAGES_IN_FLIGHT pages are written at once.
  const fetchPage = (from: number) => ctx.hub.bulkGet(wanted.slice(from, from + BULK_GET_CHUNK));
  let page = wanted.length > 0 ? fetchPage(0) : null;
  const inFlight: Promise<void>[] = [];
  const after = { tail: Promise.resolve() as Promise<unknown> };
  const results: { written: number; setAside: SetAside[] }[] = [];
  let stopped: unknown = null;
  try {
    for (let i = 0; i < wanted.length; i += BULK_GET_CHUNK) {
      const docs = await withMissingPhotos(ctx, await page!);
      page = i + BULK_GET_CHUNK < wanted.length ? fetchPage(i + BULK_GET_CHUNK) : null;
      // A failed write below leaves this fetch unread; its error (if any) is not the one to report.
      page?.catch(() => undefined);
      fetched += docs.length;
      const at = results.length;
      results.push({ written: 0, setAside: [] });
      const writing = writePage(ctx, docs, known, after).then((r) => void (results[at] = r));
      // Awaited below; meanwhile a failure of this page must not count as unhandled.
      writing.catch(() => undefined);
      inFlight.push(writing);
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
  } catch (e) {
    stopped = e;
  }
  // A failed page never returns while another page of the step is still being written.
  const left = await Promise.allSettled(inFlight);
  const failed = left.find((r) => r.status === 'rejected');
  if (stopped !== null) throw stopped;
  if (failed) throw (failed as PromiseRejectedResult).reason;
  for (const r of results) {
    written += r.written;
    setAside.push(...r.setAside);
  }
  // A step never moves the checkpoint past one that is still writing (or failed: then this one fails too).
  await previousStep;
  if (feed.results.length > 0) await ctx.checkpoint.save(feed.last_seq);
  return {
    rows: feed.results.length,
    written,
    fetched,
    setAside,
    lastSeq: feed.last_seq ?? since,
    ...(nextFeed ? { nextFeed } : {}),
  };
}
