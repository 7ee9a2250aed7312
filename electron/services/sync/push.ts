/**
 * One push of the replication protocol: the stories changed since the checkpoint (from the local
 * change log; every story on a first push), `_revs_diff` for their leaves, the missing ones with
 * their ancestry in `_bulk_docs` with `new_edits: false`, then the checkpoint. A story the hub
 * refuses (validation, size) keeps its local edit and stays in the refusal ledger with the hub's
 * reason; every later push tries it again, so the checkpoint never moves past it.
 */
import { withSyncFields, bodyOf, type SyncedArticle } from '../revisionTree/articleDoc';
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../assetStore';
import type { IssueStore } from '../issueStore';
import { isIssueId, issueDocsToPush } from './issueReplication';
import type { ChangeLog } from './changeLog';
import type { Checkpointer } from './checkpoints';
import { HubError, type HubClient, type HubDoc } from './hubClient';
import { heldByHub, type HeldAttachments } from './attachmentStubs';
import { attachmentsFor, photoAssets } from './photoAttachments';
import type { Refusal, RefusalLedger } from './refusalLedger';
import { leaves, revisionsOf, type Revisions } from '../revisionTree/revTree';
import type { DocBody } from '../../../shared/model/syncFields';

export interface PushContext {
  hub: HubClient;
  store: ArticleStore;
  assets: AssetStore;
  log: ChangeLog;
  checkpoint: Checkpointer;
  refusals: RefusalLedger;
  /** Issue plans travel with the stories when given. */
  issues?: IssueStore;
}

export type { Refusal };

export interface PushResult {
  /** Stories whose revisions the hub took in this push. */
  docs: number;
  /** Every story the hub refuses now, including those refused by earlier pushes and refused again. */
  refused: Refusal[];
}

const BATCH = 100;

/** The leaf revisions the hub lacks, as `_bulk_docs` wants them: unchanged photos as stubs. */
async function docsToSend(
  hub: HubClient,
  missingById: readonly { stored: SyncedArticle; missing: string[] }[],
  assets: AssetStore,
  stubs = true,
): Promise<HubDoc[]> {
  const planned: { stored: SyncedArticle; rev: string; revisions: Revisions; body: DocBody | null }[] = [];
  for (const { stored, missing } of missingById) {
    const deleted = new Set(
      leaves(stored._revTree)
        .filter((l) => l.deleted)
        .map((l) => l.rev),
    );
    for (const rev of missing) {
      const revisions = revisionsOf(stored._revTree, rev);
      if (deleted.has(rev)) {
        planned.push({ stored, rev, revisions, body: null });
        continue;
      }
      const body = rev === stored._rev ? bodyOf(stored) : stored._leaves[rev];
      if (body) planned.push({ stored, rev, revisions, body });
    }
  }
  const withPhotos = stubs ? planned.filter((p) => p.body && photoAssets(p.body).length > 0) : [];
  const held =
    withPhotos.length > 0
      ? await heldByHub(
          hub,
          withPhotos.map((p) => ({ id: p.stored._id, rev: p.rev, revisions: p.revisions })),
        )
      : new Map<string, HeldAttachments>();
  const out: HubDoc[] = [];
  for (const { stored, rev, revisions, body } of planned) {
    if (!body) {
      // The tombstone's own words (who ended the leaf, into which leaf) are what the hub judges.
      out.push({ ...stored._tombstones?.[rev], _id: stored._id, _rev: rev, _revisions: revisions, _deleted: true });
      continue;
    }
    const attachments = await attachmentsFor(body, assets, held.get(`${stored._id} ${rev}`));
    out.push({
      ...body,
      _id: stored._id,
      _rev: rev,
      _revisions: revisions,
      ...(attachments ? { _attachments: attachments } : {}),
    });
  }
  return out;
}

function sizeRefusal(id: string, e: HubError): Refusal {
  return { id, error: 'too_large', reason: `稿件超过中心库的单篇大小上限，未同步；本机稿件完好。（${e.reason}）` };
}

/** Sends one batch; a 413 for the batch is retried story by story to find the one too large. */
async function send(hub: HubClient, docs: HubDoc[], refused: Refusal[]): Promise<Set<string>> {
  const failed = new Set<string>();
  try {
    for (const r of await hub.bulkDocs(docs)) {
      failed.add(r.id);
      refused.push({ id: r.id, rev: r.rev, error: r.error, reason: r.reason });
    }
  } catch (e) {
    if (!(e instanceof HubError) || e.status !== 413) throw e;
    const ids = [...new Set(docs.map((d) => d._id))];
    if (ids.length === 1) {
      failed.add(ids[0]!);
      refused.push(sizeRefusal(ids[0]!, e));
    } else {
      for (const id of ids) {
        for (const f of await send(
          hub,
          docs.filter((d) => d._id === id),
          refused,
        ))
          failed.add(f);
      }
    }
  }
  return failed;
}

/** What one push learned: stories the hub took or already had (`passed`) and the ones it refused. */
interface PushTally {
  refused: Refusal[];
  passed: Set<string>;
  sent: number;
}

/**
 * Sends docs; a stub the hub cannot match (its ancestor compacted since we asked) costs one resend
 * with the bytes. CouchDB 3.5 answers such a stub with a 412 `missing_stub` for the whole request
 * (the batch's stories on other shards may be stored all the same): every story of the batch is
 * then sent again with its photos whole, which a hub that has one already takes as a no-op.
 */
async function sendWithStubFallback(
  ctx: PushContext,
  toSend: readonly { stored: SyncedArticle; missing: string[] }[],
  docs: HubDoc[],
  tally: PushTally,
): Promise<void> {
  const first: Refusal[] = [];
  let failed: Set<string>;
  try {
    failed = await send(ctx.hub, docs, first);
  } catch (e) {
    if (!(e instanceof HubError) || e.status !== 412 || e.error !== 'missing_stub') throw e;
    failed = new Set(docs.map((d) => d._id));
    for (const id of failed) first.push({ id, error: e.error, reason: e.reason });
  }
  const stubless = new Set(first.filter((r) => /stub/i.test(`${r.error} ${r.reason}`)).map((r) => r.id));
  let sentDocs = docs;
  if (stubless.size > 0) {
    const again = await docsToSend(
      ctx.hub,
      toSend.filter((t) => stubless.has(t.stored._id)),
      ctx.assets,
      false,
    );
    for (const id of stubless) failed.delete(id);
    for (const f of await send(ctx.hub, again, tally.refused)) failed.add(f);
    sentDocs = [...docs.filter((d) => !stubless.has(d._id)), ...again];
  }
  tally.refused.push(...first.filter((r) => !stubless.has(r.id)));
  const ok = new Set(sentDocs.filter((d) => !failed.has(d._id)).map((d) => d._id));
  for (const id of ok) tally.passed.add(id);
  tally.sent += ok.size;
}

async function pushStories(ctx: PushContext, ids: readonly string[], tally: PushTally): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const stored = new Map<string, SyncedArticle>();
    for (const id of ids.slice(i, i + BATCH)) {
      try {
        stored.set(id, withSyncFields(await ctx.store.getStoredSettled(id)));
      } catch {
        // Quarantined or unreadable: there is nothing sound to send.
      }
    }
    if (stored.size === 0) continue;
    const diff = await ctx.hub.revsDiff(
      Object.fromEntries([...stored].map(([id, s]) => [id, leaves(s._revTree).map((l) => l.rev)])),
    );
    const toSend: { stored: SyncedArticle; missing: string[] }[] = [];
    for (const [id, s] of stored) {
      const missing = diff[id]?.missing ?? [];
      if (missing.length > 0) toSend.push({ stored: s, missing });
      else tally.passed.add(id);
    }
    // The merge base is not moved on push: another desk may still be editing from an older one.
    const docs = await docsToSend(ctx.hub, toSend, ctx.assets);
    if (docs.length > 0) await sendWithStubFallback(ctx, toSend, docs, tally);
  }
}

async function pushPlans(ctx: PushContext, ids: readonly string[], tally: PushTally): Promise<void> {
  if (!ctx.issues || ids.length === 0) return;
  const plans = await issueDocsToPush(ctx.hub, ctx.issues, ids);
  for (const id of plans.upToDate) tally.passed.add(id);
  if (plans.docs.length === 0) return;
  const failed = await send(ctx.hub, plans.docs, tally.refused);
  const ok = new Set(plans.docs.filter((d) => !failed.has(d._id)).map((d) => d._id));
  for (const id of ok) tally.passed.add(id);
  tally.sent += ok.size;
}

export async function pushOnce(ctx: PushContext, allIds: () => Promise<string[]>): Promise<PushResult> {
  const since = await ctx.checkpoint.since<number | null>(null);
  // The first push sends every story and plan, including those written before sync was configured.
  const changed = since === null ? { ids: await allIds(), upTo: ctx.log.lastSeq } : await ctx.log.since(since);
  // Every story still refused is offered again: it stays pending until it passes or is discarded.
  const ids = [...new Set([...changed.ids, ...(await ctx.refusals.ids())])];
  const tally: PushTally = { refused: [], passed: new Set(), sent: 0 };
  await pushPlans(ctx, ids.filter(isIssueId), tally);
  await pushStories(
    ctx,
    ids.filter((id) => !isIssueId(id)),
    tally,
  );
  // Refusals are durable before the checkpoint moves, so no later push can forget them.
  await ctx.refusals.update(tally.refused, tally.passed);
  if (changed.ids.length > 0 || since === null) await ctx.checkpoint.save(changed.upTo);
  return { docs: tally.sent, refused: await ctx.refusals.list() };
}
