/**
 * One push of the replication protocol: the stories changed since the checkpoint (from the local
 * change log; every story on a first push), `_revs_diff` for their leaves, the missing ones with
 * their ancestry in `_bulk_docs` with `new_edits: false`, then the checkpoint. A story the hub
 * refuses (validation, size) keeps its local edit and is reported with the hub's reason.
 */
import { withSyncFields, bodyOf, type SyncedArticle } from './articleDoc';
import type { ArticleStore } from '../articleStore';
import type { AssetStore } from '../assetStore';
import type { ChangeLog } from './changeLog';
import type { Checkpointer } from './checkpoints';
import { HubError, type HubClient, type HubDoc } from './hubClient';
import { attachmentsFor } from './photoAttachments';
import { leaves, revisionsOf } from './revTree';

export interface PushContext {
  hub: HubClient;
  store: ArticleStore;
  assets: AssetStore;
  log: ChangeLog;
  checkpoint: Checkpointer;
}

export interface Refusal {
  id: string;
  /** The hub's own words (validate_doc_update's `forbidden`, or the size limit). */
  reason: string;
  error: string;
}

export interface PushResult {
  docs: number;
  refused: Refusal[];
}

const BATCH = 100;

async function docsToSend(stored: SyncedArticle, missing: string[], assets: AssetStore): Promise<HubDoc[]> {
  const deleted = new Set(
    leaves(stored._revTree)
      .filter((l) => l.deleted)
      .map((l) => l.rev),
  );
  const out: HubDoc[] = [];
  for (const rev of missing) {
    const revisions = revisionsOf(stored._revTree, rev);
    if (deleted.has(rev)) {
      // The tombstone's own words (who ended the leaf, into which leaf) are what the hub judges.
      out.push({ ...stored._tombstones?.[rev], _id: stored._id, _rev: rev, _revisions: revisions, _deleted: true });
      continue;
    }
    const body = rev === stored._rev ? bodyOf(stored) : stored._leaves[rev];
    if (!body) continue;
    const attachments = await attachmentsFor(body, assets);
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
      refused.push({ id: r.id, error: r.error, reason: r.reason });
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

export async function pushOnce(ctx: PushContext, allIds: () => string[]): Promise<PushResult> {
  const since = await ctx.checkpoint.since<number | null>(null);
  // The first push sends every story, including those written before sync was configured.
  const changed = since === null ? { ids: allIds(), upTo: ctx.log.lastSeq } : await ctx.log.since(since);
  const refused: Refusal[] = [];
  let sent = 0;
  if (changed.ids.length === 0 && since !== null) return { docs: 0, refused };
  for (let i = 0; i < changed.ids.length; i += BATCH) {
    const stored = new Map<string, SyncedArticle>();
    for (const id of changed.ids.slice(i, i + BATCH)) {
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
    const docs: HubDoc[] = [];
    for (const [id, { missing }] of Object.entries(diff)) {
      const s = stored.get(id);
      if (s && missing.length > 0) docs.push(...(await docsToSend(s, missing, ctx.assets)));
    }
    if (docs.length === 0) continue;
    // The merge base is not moved on push: another desk may still be editing from an older one.
    const failed = await send(ctx.hub, docs, refused);
    sent += new Set(docs.filter((d) => !failed.has(d._id) && !d._deleted).map((d) => d._id)).size;
  }
  await ctx.checkpoint.save(changed.upTo);
  return { docs: sent, refused };
}
