/**
 * A batch written into one story pack (storyPacks.ts) instead of a file per story:
 * 1. in parallel: the change-log lines (one fsync) and ONE pack holding every story's next stored
 *    content and its revision record (temp, fsync, rename, fsync packs/);
 * 2. own files the pack supersedes (a story saved alone before) are removed, without an fsync: a file
 *    still there after a crash carries the stamp the pack recorded and is removed at the next open;
 * 3. the index entries, as one index-journal write without an fsync (the check at open takes in every
 *    pack entry the index does not reflect), each row pointing at its pack (mtimeMs = -pack number,
 *    size = entry length).
 * The batch is acknowledged then; nothing is written behind it and nothing waits to be retired.
 */
import { stat, rm } from 'node:fs/promises';
import type { ArticleSummary } from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import type { ArticleIndex, IndexEntry } from './articleIndex';
import type { CommitItem, PackedRecord } from './articleCommit';
import { settleAll } from '../atomicFile';
import { stampOfStat, type FileStamp, type StoryPacks } from './storyPacks';

export interface PackCommitDeps {
  packs: StoryPacks;
  index: ArticleIndex;
  record: PackedRecord | null;
  recordLocalChanges: (ids: string[]) => Promise<void>;
  summarize: (stored: StoredArticle) => ArticleSummary;
}

/** The listing row's stamp of a story whose current version is a pack entry. */
export function packStamp(ref: { seq: number; length: number }): { mtimeMs: number; size: number } {
  return { mtimeMs: -ref.seq, size: ref.length };
}

/** Writes the batch; resolves with one error or null per item. */
export async function commitPacked(deps: PackCommitDeps, items: readonly CommitItem[]): Promise<(unknown | null)[]> {
  if (items.length === 0) return [];
  const pairs = items.map((i) => ({ article: articleOnly(i.stored), previous: i.prior ? articleOnly(i.prior) : null }));
  let refs;
  const replaced: (FileStamp | undefined)[] = [];
  try {
    // Own files this batch supersedes: only a story read from its own file has one to look for.
    const stats = await Promise.all(items.map((i) => (i.ownFile === false ? null : stat(i.file).catch(() => null))));
    for (const st of stats) replaced.push(st ? stampOfStat(st) : undefined);
    const logged = deps.recordLocalChanges(items.filter((i) => i.local).map((i) => i.stored.id));
    const written = deps.packs.write(
      items.map((item, k) => ({
        id: item.stored.id,
        revision: item.stored.revision,
        deleted: item.stored._deleted === true,
        data: Buffer.from(JSON.stringify(item.stored)),
        meta: deps.record ? deps.record.meta(pairs[k]!) : null,
        ...(replaced[k] ? { replaced: replaced[k] } : {}),
      })),
    );
    await settleAll<unknown>([written, logged]);
    refs = await written;
  } catch (e) {
    return items.map(() => e);
  }
  // The pack is durable and current in memory: from here every story of the batch is written. A
  // superseded file is removed as housekeeping: one left behind (a crash, a failed removal) carries the
  // stamp the pack recorded, so no reader takes it over the pack, and the next open removes it.
  const errors: (unknown | null)[] = items.map(() => null);
  await Promise.all(
    items.map((item, k) =>
      replaced[k]
        ? rm(item.file, { force: true }).catch((e: unknown) =>
            console.error(`[newsdesk] removing ${item.file}, superseded by a story pack:`, e),
          )
        : null,
    ),
  );
  const placed = items.map((item, k) => ({ item, ref: refs[k]! }));
  try {
    for (const { item } of placed) if (item.stored._deleted) await deps.index.remove(item.stored.id);
    const entries: IndexEntry[] = placed
      .filter(({ item }) => !item.stored._deleted)
      .map(({ item, ref }) => ({ summary: deps.summarize(item.stored), ...packStamp(ref) }));
    await deps.index.putMany(entries, { durable: false });
  } catch (e) {
    // The pack is in place; the next open's check takes its entries into the index.
    return errors.map((err) => err ?? e);
  }
  try {
    await deps.record?.after(pairs.filter((_, k) => errors[k] === null));
  } catch (e) {
    // Pruning old revisions is housekeeping: the batch itself is in place.
    console.error('[newsdesk] after a batch write:', e);
  }
  return errors;
}
