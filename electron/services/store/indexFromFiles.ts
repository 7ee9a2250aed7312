/**
 * Bringing the listing index in line with the stories' own files and story packs (which are the truth):
 * the whole rebuild at open when the index is missing or damaged, and one story at a time for the
 * background check at open (articleOpenCheck.ts), which also takes in pack entries the index does not
 * yet reflect (a pack written just before a crash).
 */
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_ID_PATTERN } from '../../../shared/model/article';
import type { StoredArticle } from '../../../shared/model/syncFields';
import { isTempFile } from '../atomicFile';
import { CorruptFileError } from '../jsonFileAdapter';
import type { KeyedMutex } from '../keyedMutex';
import type { Quarantine } from '../quarantine';
import type { ArticleFiles } from './articleFiles';
import type { ArticleIndex, IndexEntry } from './articleIndex';
import type { CheckOutcome } from './articleOpenCheck';
import { summarize } from './articleSummary';
import { supersededBy } from './storyPacks';

export interface IndexRepairContext {
  files: ArticleFiles;
  index: ArticleIndex;
  quarantine: Quarantine;
  mutex: KeyedMutex;
  now: () => Date;
  /** Nothing in the folder is written, cleaned or moved: changes are held in memory only. */
  readOnly: boolean;
}

/**
 * A story about to be shown whose file changed behind the index, re-read at once (one file, parsed on
 * this thread) so it is shown as the file has it; false when unreadable, left to `resolveFromFile`.
 * Held in memory only, like the rebuild at open: the next compaction writes it down.
 */
export function rereadNow(ctx: IndexRepairContext, id: string, st: { mtimeMs: number; size: number }): boolean {
  let stored: StoredArticle | null;
  try {
    stored = ctx.files.readSync(id);
  } catch {
    return false;
  }
  // A story deleted on the hub is not listed; resolveFromFile takes it out of the index.
  if (!stored || stored._deleted) return false;
  ctx.index.setInMemory({ summary: summarize(stored), mtimeMs: st.mtimeMs, size: st.size });
  return true;
}

/** Brings one story's index entry in line with its current version, under its lock (a save may be running). */
export function resolveFromFile(ctx: IndexRepairContext, id: string): Promise<CheckOutcome> {
  const { index, readOnly } = ctx;
  return ctx.mutex.run(id, async () => {
    const st = ctx.files.locate(id);
    const known = index.rows.stamp(id);
    if (known && st && known.mtimeMs === st.mtimeMs && known.size === st.size) return 'kept';
    let article: StoredArticle | null = null;
    try {
      if (st) article = await ctx.files.read(id);
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      if (readOnly) {
        ctx.files.forgetInMemory(e);
        index.deleteInMemory(id);
        return 'removed';
      }
      await index.remove(id);
      return { quarantined: (await ctx.files.quarantine(e)).file };
    }
    // A story deleted on the hub keeps its file (its history) but leaves the listing.
    if (!article || !st || article._deleted) {
      if (!known) return 'kept';
      if (readOnly) index.deleteInMemory(id);
      else await index.remove(id);
      return 'removed';
    }
    const entry: IndexEntry = { summary: summarize(article), mtimeMs: st.mtimeMs, size: st.size };
    if (readOnly) index.setInMemory(entry);
    else await index.put(entry);
    return 'changed';
  });
}

/**
 * Rebuilds the index from the files when it was missing or damaged: new, changed, removed and
 * corrupt ones, before the store opens (nothing could be listed without it). The stat pass is
 * synchronous on purpose: it is several times faster than the thread pool, and it runs once.
 */
export async function rebuildIndex(ctx: IndexRepairContext): Promise<void> {
  const { index, readOnly } = ctx;
  const dir = ctx.files.dir;
  const seen = new Set<string>();
  const changedIds: { id: string; mtimeMs: number; size: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (isTempFile(name)) {
      // Only the owner cleans: in a read-only process this may be the owner's save in flight.
      if (!readOnly) await rm(join(dir, name), { force: true });
      continue;
    }
    const id = name.endsWith('.json') ? name.slice(0, -5) : '';
    // A plain regex: this runs once per file at open, where zod's overhead shows at 10,000.
    if (!ARTICLE_ID_PATTERN.test(id)) continue;
    seen.add(id);
    const known = index.rows.stamp(id);
    const st = statSync(join(dir, name), { throwIfNoEntry: false });
    // A file its newest pack entry superseded (a read-only process does not remove it): the pack is current.
    if (!st || supersededBy(ctx.files.packs.current(id), st)) {
      seen.delete(id);
      continue;
    }
    if (!known || known.mtimeMs !== st.mtimeMs || known.size !== st.size) {
      changedIds.push({ id, mtimeMs: st.mtimeMs, size: st.size });
    }
  }
  let packDeleted = false;
  // Stories whose current version is a pack entry (no own file): their rows point at the pack.
  for (const ref of ctx.files.packs.currentRefs()) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    const known = index.rows.stamp(ref.id);
    if (ref.deleted) {
      if (known) {
        index.deleteInMemory(ref.id);
        packDeleted = true;
      }
      continue;
    }
    if (!known || known.mtimeMs !== -ref.seq || known.size !== ref.length)
      changedIds.push({ id: ref.id, mtimeMs: -ref.seq, size: ref.length });
  }
  let changed = changedIds.length > 0 || packDeleted;
  const BATCH = 256;
  for (let i = 0; i < changedIds.length; i += BATCH) {
    await Promise.all(
      changedIds.slice(i, i + BATCH).map(async ({ id, mtimeMs, size }) => {
        try {
          const article = await ctx.files.read(id);
          if (article && !article._deleted) index.setInMemory({ summary: summarize(article), mtimeMs, size });
          else if (article) index.deleteInMemory(id);
        } catch (e) {
          if (!(e instanceof CorruptFileError)) throw e;
          index.deleteInMemory(id);
          if (!readOnly) await ctx.files.quarantine(e);
          else ctx.files.forgetInMemory(e);
        }
      }),
    );
  }
  for (const id of index.rows.ids()) {
    if (!seen.has(id)) {
      index.deleteInMemory(id);
      changed = true;
    }
  }
  if (changed && !readOnly) await index.compact();
}
