/**
 * A batch written through the batch journal (batchJournal.ts) instead of a file-by-file group commit:
 * 1. in parallel: the change-log lines (one fsync) and ONE journal file holding every story's next
 *    content and its revision records (temp, fsync, rename, fsync journal/);
 * 2. the article files and revision records written behind it, with no fsync each;
 * 3. the index entries, as one index-journal write (no fsync: the check at open re-reads any file the
 *    index does not match, and the batch journal holds the files).
 * The batch is acknowledged then: a SIGKILL leaves every file old or new and whole (each is renamed
 * into place), and a power loss leaves the journal, replayed at the next open. The journal is retired
 * later, once its files are durable (ArticleStore schedules that), so the pull does not wait for it.
 */
import { stat } from 'node:fs/promises';
import type { ArticleSummary } from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import type { ArticleIndex, IndexEntry } from './articleIndex';
import type { CommitItem, JournaledRecord } from './articleCommit';
import { settleAll } from '../atomicFile';
import { replaceOp, type BatchJournal, type FileOp, type JournalEntry } from './batchJournal';

export interface JournalCommitDeps {
  journal: BatchJournal;
  index: ArticleIndex;
  records: readonly JournaledRecord[];
  recordLocalChanges: (ids: string[]) => Promise<void>;
  summarize: (stored: StoredArticle) => ArticleSummary;
}

/**
 * Writes the batch; resolves with one error or null per item, and the journal written (null when the
 * batch failed before its journal was durable: then nothing of it was written).
 */
export async function commitJournaled(
  deps: JournalCommitDeps,
  items: readonly CommitItem[],
): Promise<{ errors: (unknown | null)[]; entry: JournalEntry | null }> {
  if (items.length === 0) return { errors: [], entry: null };
  const pairs = items.map((i) => ({ article: articleOnly(i.stored), previous: i.prior ? articleOnly(i.prior) : null }));
  let entry: JournalEntry;
  let articleOps: FileOp[];
  let recordOps: FileOp[];
  try {
    articleOps = items.map((i) => replaceOp(i.file, JSON.stringify(i.stored)));
    recordOps = deps.records.flatMap((r) => r.ops(pairs));
    const logged = deps.recordLocalChanges(items.filter((i) => i.local).map((i) => i.stored.id));
    const journaled = deps.journal.write([...recordOps, ...articleOps], new Set(items.map((i) => i.stored.id)));
    await settleAll<unknown>([journaled, logged]);
    entry = await journaled;
  } catch (e) {
    return { errors: items.map(() => e), entry: null };
  }
  // History first, as in a group commit: a story file never lands before its revision record.
  const recordErrors = await deps.journal.applyBehind(recordOps);
  const recordFailed = recordErrors.find((e) => e !== null);
  const errors: (unknown | null)[] = recordFailed
    ? items.map(() => recordFailed)
    : await deps.journal.applyBehind(articleOps);
  if (errors.some((e) => e !== null)) {
    try {
      await deps.journal.settleFailed(entry, [...recordOps, ...articleOps.filter((_, k) => errors[k] === null)]);
    } catch (e) {
      // The journal could not be retired: nothing of this batch is acknowledged (it stays for the next open).
      return { errors: items.map(() => e), entry: null };
    }
  }
  const placed = items.filter((_, k) => errors[k] === null);
  if (placed.length === 0) return { errors, entry: null };
  try {
    for (const item of placed) if (item.stored._deleted) await deps.index.remove(item.stored.id);
    const entries = await settleAll(
      placed
        .filter((item) => !item.stored._deleted)
        .map(async (item): Promise<IndexEntry> => {
          const st = await stat(item.file);
          return { summary: deps.summarize(item.stored), mtimeMs: st.mtimeMs, size: st.size };
        }),
    );
    await deps.index.putMany(entries, { durable: false });
  } catch (e) {
    // The files are in place (and in the journal) but not acknowledged; the next open re-reads them.
    return { errors: errors.map((err) => err ?? e), entry: errors.some((x) => x !== null) ? null : entry };
  }
  try {
    for (const r of deps.records) await r.after(pairs.filter((_, k) => errors[k] === null));
  } catch (e) {
    // Pruning old revisions is housekeeping: the batch itself is in place.
    console.error('[newsdesk] after a batch write:', e);
  }
  return { errors, entry: errors.some((e) => e !== null) ? null : entry };
}
