/**
 * The group commit behind every article write, one story or many: each file is fsynced once and each
 * folder once per batch, and nothing is acknowledged before all of it is durable. Order, per batch:
 * 1. in parallel: the change-log lines (one fsync), the revision records (before-write hooks), and
 *    each article's next content staged under a temp name (one fsync per file);
 * 2. the renames, then one fsync of articles/;
 * 3. the index entries, as one journal write with one fsync.
 * A crash at any point leaves each article file old or new, whole (a rename is atomic), with its
 * history already durable; temp files are removed by the owner at the next open and the index is
 * re-checked against the files, as after a single save.
 */
import { rename, stat } from 'node:fs/promises';
import type { Article, ArticleSummary } from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import type { ArticleIndex, IndexEntry } from './articleIndex';
import { discardStaged, fsyncDir, settleAll, stageFile, type StagedFile } from '../atomicFile';

/** One story of a batch as it will be written. */
export interface CommitItem {
  stored: StoredArticle;
  prior: StoredArticle | null;
  /** A local edit: its change-log line is written before the file. */
  local: boolean;
  /** The article file's path. */
  file: string;
  /**
   * The story may have its own file (it was read, and not from a pack): a pack write looks for it to
   * supersede it. False for a new story and one whose current version is a pack entry.
   */
  ownFile?: boolean;
}

/** Runs before any article file is replaced (revision history); if it throws, no story of the batch is written. */
export type ArticleBeforeWrite = (items: { article: Article; previous: Article | null }[]) => Promise<void>;

/**
 * The same record as a before-write hook, for a batch written into a story pack (storyPacks.ts): the
 * metadata each story's revision record carries in the pack (the revision's content is the story's own
 * pack entry), and what it does once the pack is in place (pruning old revisions).
 */
export interface PackedRecord {
  meta: (item: { article: Article; previous: Article | null }) => unknown;
  after: (items: { article: Article; previous: Article | null }[]) => Promise<void>;
}

export interface CommitDeps {
  dir: string;
  index: ArticleIndex;
  beforeWrite: readonly ArticleBeforeWrite[];
  recordLocalChanges: (ids: string[]) => Promise<void>;
  summarize: (stored: StoredArticle) => ArticleSummary;
}

/**
 * Writes the batch; resolves with one entry per item: null when the story is durably in place, or
 * the error that kept it out. A failure before the renames keeps every story of the batch out.
 */
export async function commitArticles(deps: CommitDeps, items: readonly CommitItem[]): Promise<(unknown | null)[]> {
  if (items.length === 0) return [];
  const staging = items.map((item) => stageFile(item.file, JSON.stringify(item.stored)));
  const history = (async () => {
    const pairs = items.map((i) => ({
      article: articleOnly(i.stored),
      previous: i.prior ? articleOnly(i.prior) : null,
    }));
    for (const hook of deps.beforeWrite) await hook(pairs);
  })();
  const logged = deps.recordLocalChanges(items.filter((i) => i.local).map((i) => i.stored.id));
  let staged: StagedFile[];
  try {
    await settleAll<unknown>([...staging, history, logged]);
    staged = await Promise.all(staging);
  } catch (e) {
    const left = await Promise.allSettled(staging);
    await discardStaged(left.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    return items.map(() => e);
  }
  const renamed = await Promise.allSettled(staged.map((s) => rename(s.tmp, s.path)));
  const errors: (unknown | null)[] = renamed.map((r) => (r.status === 'rejected' ? r.reason : null));
  await discardStaged(staged.filter((_, k) => errors[k] !== null));
  const placed = items.filter((_, k) => errors[k] === null);
  if (placed.length === 0) return errors;
  try {
    await fsyncDir(deps.dir);
    // A story deleted on the hub keeps its file and history but leaves the listing.
    for (const item of placed) if (item.stored._deleted) await deps.index.remove(item.stored.id);
    const entries = await settleAll(
      placed
        .filter((item) => !item.stored._deleted)
        .map(async (item): Promise<IndexEntry> => {
          const st = await stat(item.file);
          return { summary: deps.summarize(item.stored), mtimeMs: st.mtimeMs, size: st.size };
        }),
    );
    await deps.index.putMany(entries);
  } catch (e) {
    // As with a single save: the files are in place but not acknowledged; the next open re-reads them.
    return errors.map((err) => err ?? e);
  }
  return errors;
}
