/**
 * The article store: a story saved alone is one lowdb document in articles/, a story written by a batch
 * (a pulled page, an import) an entry of that batch's story pack in packs/ (storyPacks.ts); an index for
 * listing, revision checks against lost updates. Reading a story and quarantine live in articleFiles.ts,
 * the index's repair from files and packs in indexFromFiles.ts, versions in articleVersions.ts.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { applyPlacement } from '../../../shared/rules/workflow';
import { join } from 'node:path';
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { Article, ArticleContent, ArticleKind, ArticleSummary } from '../../../shared/model/article';
import type { QuarantinedFile } from '../../../shared/model/quarantinedFile';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import { localEdit } from '../revisionTree/articleDoc';
import { toNewsdeskError } from '../fsErrors';
import { KeyedMutex } from '../keyedMutex';
import { Quarantine } from '../quarantine';
import { ARTICLE_ID_PATTERN } from '../../../shared/model/article';
import { commitArticles, type ArticleBeforeWrite, type CommitItem, type PackedRecord } from './articleCommit';
import { commitPacked } from './articlePackCommit';
import { BatchJournal } from './batchJournal';
import { StoryPacks, type PackRef } from './storyPacks';
import { ArticleFiles } from './articleFiles';
import { ArticleIndex } from './articleIndex';
import { idsNewestFirst, listFacets, listRows, type ArticleListOptions } from './articleListing';
import { OpenCheck, type CheckResult } from './articleOpenCheck';
import { summarize } from './articleSummary';
import { newArticle, nextVersion, refuseDeleted, savedVersion } from './articleVersions';
import { rebuildIndex, rereadNow, resolveFromFile, type IndexRepairContext } from './indexFromFiles';
import { SessionMarker } from './sessionMarker';

export type { ArticleListOptions } from './articleListing';

/**
 * Called after every successful write, e.g. to keep revisions or a search index. `local` is false for
 * versions pulled from the hub, which the replicator need not push back; `batch` is true for a story
 * written with others in one story pack (a pulled page, an import batch).
 */
export type ArticleWriteListener = (
  article: Article,
  previous: Article | null,
  write: { local: boolean; batch: boolean },
) => Promise<void> | void;

export type { ArticleBeforeWrite, PackedRecord } from './articleCommit';

/**
 * Judges a local edit of a story (the workflow's and the hub's rule): returns the story as it is to be
 * written (a text change after sign-off goes back to edited), or throws to refuse the edit.
 */
export type EditRule = (before: Article, after: Article, beforeDeleted: boolean) => Article;

/** What a write does to one story: the next version, whether listeners hear of it, whether it is a local edit. */
export interface PlannedWrite {
  stored: StoredArticle;
  notify: boolean;
  local: boolean;
}

/**
 * One story of a batch write. `read` says how its current file is read: `strict` (a missing story is
 * not_found, a corrupt one is quarantined; the edit is refused), `lenient` (either reads as null, for
 * sync) or `none` (a new story). `plan` returns the next version, or null to leave the file alone;
 * throwing refuses this story alone.
 */
export interface ArticleEdit {
  id: string;
  read: 'strict' | 'lenient' | 'none';
  plan: (current: StoredArticle | null) => PlannedWrite | null;
  /**
   * The story as read earlier (`readKnown`): planned on as is when its index entry has not changed since,
   * so a pull that already read the story to compare rev trees does not read and parse the file again.
   */
  known?: KnownVersion;
}

/** A story as read outside its lock, with the index stamp from before the read (see `ArticleEdit.known`). */
export interface KnownVersion {
  stored: StoredArticle;
  stamp: string;
}

/** How one story of a batch ended: written (stored, or null when its plan left it alone) or refused. */
export type EditOutcome = { ok: true; stored: StoredArticle | null } | { ok: false; error: unknown };

/** A story to create in a batch (`createMany`). */
export interface NewArticle {
  kind: ArticleKind;
  content?: Partial<ArticleContent>;
}

export interface ArticleStoreOptions {
  dataDir: string;
  now?: () => Date;
  /**
   * Another process owns the store (or the disk is full): list and read only. Nothing in the
   * folder is written, cleaned or moved, so the owner's saves in flight are never disturbed.
   */
  readOnly?: { code: 'read_only' | 'disk_full'; message: string };
}

export class ArticleStore {
  /** The folder of article files (the search build reads them from a worker). */
  readonly dir: string;
  private readonly index: ArticleIndex;
  private readonly files: ArticleFiles;
  private readonly repair: IndexRepairContext;
  private readonly quarantine: Quarantine;
  private readonly marker: SessionMarker;
  private readonly mutex = new KeyedMutex();
  private readonly listeners: ArticleWriteListener[] = [];
  private readonly beforeWriteHooks: ArticleBeforeWrite[] = [];
  /** The packed form of the before-write hook; a batch goes into a story pack only when it has one. */
  private packedRecord: PackedRecord | null = null;
  /** Only to replay batch journals left by a crash of an older version (before story packs). */
  private readonly journal: BatchJournal;
  /** Batch-written stories (storyPacks.ts). */
  readonly packs: StoryPacks;
  private writeCheck: EditRule | null = null;
  private readonly now: () => Date;
  private readonly readOnly: ArticleStoreOptions['readOnly'];
  /** Told before local edits are written, so the replicator's change log never misses one. */
  private recordLocalChanges: (ids: string[]) => Promise<void> = async () => {};

  private constructor(opts: ArticleStoreOptions) {
    this.index = new ArticleIndex(join(opts.dataDir, 'index'));
    this.journal = new BatchJournal(opts.dataDir);
    this.packs = new StoryPacks(opts.dataDir, join(opts.dataDir, 'articles'));
    this.quarantine = new Quarantine(join(opts.dataDir, 'quarantine'));
    this.marker = new SessionMarker(join(opts.dataDir, 'index'));
    this.now = opts.now ?? (() => new Date());
    this.readOnly = opts.readOnly;
    const readOnly = !!opts.readOnly;
    this.files = new ArticleFiles({
      ...opts,
      index: this.index,
      quarantine: this.quarantine,
      packs: this.packs,
      now: this.now,
      readOnly,
    });
    this.dir = this.files.dir;
    this.repair = {
      files: this.files,
      index: this.index,
      quarantine: this.quarantine,
      mutex: this.mutex,
      now: this.now,
      readOnly,
    };
  }

  static async open(opts: ArticleStoreOptions): Promise<ArticleStore> {
    const store = new ArticleStore(opts);
    if (store.readOnly) {
      const { damaged } = await store.packs.load({ readOnly: true });
      for (const d of damaged) console.error(`[newsdesk] story pack ${d.file} cannot be read: ${d.reason}`);
      await store.checkFiles(await store.index.load());
      return store;
    }
    await mkdir(store.dir, { recursive: true, mode: 0o700 });
    await mkdir(join(opts.dataDir, 'index'), { recursive: true, mode: 0o700 });
    // An older version's batch journal left by a crash: its files are written first.
    const replay = await store.journal.replay();
    for (const d of replay.discarded) console.error(`[newsdesk] discarded a damaged batch journal: ${d}`);
    // Every pack's entry list (not the stories), before the index is checked against them.
    const { damaged } = await store.packs.load({ readOnly: false });
    for (const d of damaged) {
      const q = await store.quarantine.put(d.file, d.reason, store.now());
      console.error(`[newsdesk] story pack ${d.file} cannot be read (${d.reason}), moved to ${q.file}`);
    }
    const loaded = await store.index.load();
    // A session that did not close (a crash) may have left temp files in any folder.
    store.uncleanBefore =
      !loaded || replay.replayed > 0 || damaged.length > 0 || (await store.marker.others()).length > 0;
    await store.marker.acquire();
    await store.checkFiles(loaded);
    if (store.uncleanBefore) await store.marker.clearDead();
    return store;
  }

  /** True when an earlier session did not close cleanly (or the index was damaged). */
  uncleanBefore = false;

  /** Marks this session closed cleanly. */
  async close(): Promise<void> {
    await this.check?.stop();
    this.packs.close();
    if (this.readOnly) return;
    await this.index.compact();
    await this.marker.release();
  }

  /** Judges every edit of a story this desk makes (the workflow's and the hub's rule); it throws to refuse one. */
  checkEdits(rule: EditRule): void {
    this.writeCheck = rule;
  }

  /** `next` as the edit rule settles it: rebuilt (and so validated again) only when the rule changed it. */
  private vetted(current: StoredArticle, next: StoredArticle, baseRevision: number, actor: string): StoredArticle {
    if (!this.writeCheck) return next;
    const after = articleOnly(next);
    const settled = this.writeCheck(articleOnly(current), after, current._deleted === true);
    return settled === after ? next : nextVersion(current, baseRevision, actor, () => settled, this.now());
  }

  /**
   * A record made before each story file is replaced (revision history). With its packed form, a batch
   * of stories goes into a story pack, each story's revision record with it; a hook without one keeps
   * every batch on the file-by-file group commit. One packed record at most: a pack entry carries one
   * revision record.
   */
  beforeWrite(hook: ArticleBeforeWrite, packed?: PackedRecord): void {
    if (packed && this.beforeWriteHooks.length > 0) throw new Error('beforeWrite: one packed record per store');
    this.beforeWriteHooks.push(hook);
    if (packed) this.packedRecord = packed;
  }

  onWrite(listener: ArticleWriteListener): void {
    this.listeners.push(listener);
  }

  onLocalChange(record: (ids: string[]) => Promise<void>): void {
    this.recordLocalChanges = record;
  }

  /** Every story's id, for a first push. */
  ids(): string[] {
    return this.index.rows.ids();
  }

  /** Stories with more than one live leaf after sync. */
  conflicted(): string[] {
    return this.index.rows.ids().filter((id) => (this.index.rows.summary(id)?.conflicts ?? 0) > 0);
  }

  get count(): number {
    return this.index.size;
  }

  /**
   * Files quarantined since open, plus those from earlier sessions still in the folder; by default
   * after the check at open has ended, so the files it found are in the list.
   */
  async quarantined(opts: { afterCheck?: boolean } = {}): Promise<QuarantinedFile[]> {
    if (opts.afterCheck ?? true) await this.whenChecked();
    return this.quarantine.list();
  }

  private check: OpenCheck | null = null;
  private checked: Promise<CheckResult | null> = Promise.resolve(null);
  private readonly checkListeners: ((result: CheckResult) => void)[] = [];

  /**
   * With a whole index, every file is checked against it in the background (articleOpenCheck.ts)
   * and the desk lists at once, each row shown stat'ed first; without one, the index is rebuilt
   * from the files before the store opens.
   */
  private async checkFiles(indexWhole: boolean): Promise<void> {
    if (!indexWhole) return rebuildIndex(this.repair);
    const check = new OpenCheck({
      dir: this.dir,
      rows: this.index.rows,
      readOnly: !!this.readOnly,
      resolve: (id) => resolveFromFile(this.repair, id),
      locate: (id) => this.files.locate(id),
      packed: () => packedStamps(this.packs),
      rereadNow: (id, st) => rereadNow(this.repair, id, st),
    });
    this.check = check;
    this.checked = check.done.then(
      (result) => {
        if (result.changed.length + result.removed.length + result.quarantined.length > 0) {
          for (const listener of this.checkListeners) listener(result);
        }
        return result;
      },
      (e: unknown) => {
        console.error('[newsdesk] checking article files at open:', e);
        return null;
      },
    );
  }

  /** Resolves when the check at open has ended (at once for a store that rebuilt its index). */
  async whenChecked(): Promise<void> {
    await this.checked;
  }

  /** Told when the check at open changed the listing (stories re-read, removed or quarantined). */
  onChecked(listener: (result: CheckResult) => void): void {
    this.checkListeners.push(listener);
  }

  get(id: string): Promise<Article> {
    return this.getStored(id);
  }

  /**
   * Reads under the story's lock: a save records its change-log line before writing, so the
   * replicator waits here for a save in flight rather than push the version before it.
   */
  getStoredSettled(id: string): Promise<StoredArticle> {
    return this.mutex.run(id, () => this.getStored(id));
  }

  /** The story with its replication fields, for the replicator and workflow checks. */
  getStored(id: string): Promise<StoredArticle> {
    return this.files.getStored(id);
  }

  /**
   * The story with the stamp of its index entry taken before the read, or null when it cannot be read
   * (missing, or corrupt and quarantined as `getStored` does). Every write changes the stamp under the
   * story's lock, so an unchanged stamp at write time means the file is still what was read.
   */
  async readKnown(id: string): Promise<KnownVersion | null> {
    const stamp = this.stampOf(id);
    try {
      return { stored: await this.getStored(id), stamp };
    } catch {
      return null;
    }
  }

  private stampOf(id: string): string {
    const rows = this.index.rows;
    const row = rows.rowOfId(id);
    return row === undefined ? '' : `${rows.cols.mtimeMs[row]}:${rows.cols.size[row]}:${rows.cols.revision[row]}`;
  }

  list(opts: ArticleListOptions): { total: number; items: ArticleSummary[] } {
    return listRows(this.index.rows, opts, this.check ?? undefined);
  }

  /** A story's summary; while the check at open runs, its file is checked first (unreadable: null). */
  summary(id: string): ArticleSummary | null {
    const row = this.index.rows.rowOfId(id);
    if (row === undefined || (this.check && !this.check.readable(row))) return null;
    return this.index.rows.summaryAt(row);
  }

  facets(): { pages: string[]; people: string[]; issueDates: string[] } {
    return listFacets(this.index.rows);
  }

  /** Calls back with every story's revision, from the index alone (the search check at start). */
  forEachVersion(visit: (id: string, revision: number, spiked: boolean) => void): void {
    const c = this.index.rows.cols;
    for (let row = 0; row < c.id.length; row++)
      if (c.id[row]) visit(c.id[row]!, c.revision[row]!, c.status[row] === 'spiked');
  }

  /** Live (not spiked) stories, newest first. */
  idsNewestFirst(): string[] {
    return idsNewestFirst(this.index.rows);
  }

  async create(kind: ArticleKind, content: Partial<ArticleContent> | undefined, actor: string): Promise<Article> {
    const [created] = await this.createMany([{ kind, content }], actor);
    if (!created!.ok) throw created!.error;
    return articleOnly(created!.stored!);
  }

  /** Creates many stories in one group commit (a raw-copy import); a story whose content is invalid is refused alone. */
  createMany(items: readonly NewArticle[], actor: string): Promise<EditOutcome[]> {
    const edits: (ArticleEdit | Error)[] = items.map((item) => {
      try {
        const article = newArticle(item.kind, item.content, actor, this.now());
        return {
          id: article.id,
          read: 'none',
          plan: () => ({ stored: localEdit(null, article), notify: true, local: true }),
        };
      } catch (e) {
        return e as Error;
      }
    });
    return this.writeManyWith(edits);
  }

  /**
   * Saves content based on `baseRevision`; a stale base is refused and the newer article returned in
   * the error. A story deleted on the hub is refused (`deleted`) unless `restoreDeleted` says the
   * person was asked and wants it back.
   */
  async save(
    id: string,
    baseRevision: number,
    content: ArticleContent,
    actor: string,
    opts: { restoreDeleted?: boolean } = {},
  ): Promise<Article> {
    const [saved] = await this.writeMany([
      {
        id,
        read: 'strict',
        plan: (current) => {
          if (!current) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
          refuseDeleted(current, opts.restoreDeleted ?? false);
          // A restored story comes back out of the page plan: its slot let it go when it was deleted.
          const stored = current._deleted
            ? nextVersion(
                current,
                baseRevision,
                actor,
                (c) => applyPlacement({ ...articleOnly(c), ...content }, null),
                this.now(),
              )
            : savedVersion(current, baseRevision, content, actor, this.now());
          return { stored: this.vetted(current, stored, baseRevision, actor), notify: true, local: true };
        },
      },
    ]);
    if (!saved!.ok) throw saved!.error;
    return articleOnly(saved!.stored!);
  }

  /** Applies `change` to the current version if it is still `baseRevision`; used by saves and status moves. */
  async update(
    id: string,
    baseRevision: number,
    actor: string,
    change: (current: StoredArticle) => Article,
    opts: { restoreDeleted?: boolean } = {},
  ): Promise<Article> {
    const [updated] = await this.updateMany([{ id, baseRevision, change, ...opts }], actor);
    if (!updated!.ok) throw updated!.error;
    return articleOnly(updated!.stored!);
  }

  /** Updates many stories in one group commit; each is checked against its own `baseRevision` and refused alone. */
  updateMany(
    items: readonly {
      id: string;
      baseRevision: number;
      change: (current: StoredArticle) => Article;
      restoreDeleted?: boolean;
    }[],
    actor: string,
  ): Promise<EditOutcome[]> {
    return this.writeMany(
      items.map(({ id, baseRevision, change, restoreDeleted }) => ({
        id,
        read: 'strict',
        plan: (current) => {
          if (!current) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
          return {
            stored: this.checkedNext(current, baseRevision, actor, change, restoreDeleted ?? false),
            notify: true,
            local: true,
          };
        },
      })),
    );
  }

  /** The next version, refused for a deleted story not being restored, and judged by the hub's rule. */
  private checkedNext(
    current: StoredArticle,
    baseRevision: number,
    actor: string,
    change: (current: StoredArticle) => Article,
    restoreDeleted: boolean,
  ): StoredArticle {
    refuseDeleted(current, restoreDeleted);
    return this.vetted(current, nextVersion(current, baseRevision, actor, change, this.now()), baseRevision, actor);
  }

  /**
   * Rewrites one file under its lock without the revision check: for revisions pulled from the hub
   * and conflict resolutions. `change` returns null to leave the file alone; listeners hear only
   * when `notify` is set (the winner changed), so a pulled losing leaf does not reload the editor.
   */
  async writeSynced(
    id: string,
    change: (current: StoredArticle | null) => PlannedWrite | null,
  ): Promise<StoredArticle | null> {
    const [outcome] = await this.writeMany([{ id, read: 'lenient', plan: change }]);
    if (!outcome!.ok) throw outcome!.error;
    return outcome!.stored;
  }

  /**
   * Writes many stories in one group commit (see articleCommit.ts), holding every story's lock from
   * reading its current version to its index entry. Each story is planned, refused or written on its
   * own; write listeners then hear of each written story in turn. Ids must be distinct.
   */
  writeMany(edits: readonly ArticleEdit[]): Promise<EditOutcome[]> {
    return this.writeManyWith(edits);
  }

  private writeManyWith(edits: readonly (ArticleEdit | Error)[]): Promise<EditOutcome[]> {
    const ids = edits.flatMap((e) => (e instanceof Error ? [] : [e.id]));
    if (new Set(ids).size !== ids.length) return Promise.reject(new Error('writeMany: one story twice in a batch'));
    return this.mutex.runAll(ids, async () => {
      const outcomes: EditOutcome[] = edits.map((e) =>
        e instanceof Error ? { ok: false, error: e } : { ok: true, stored: null },
      );
      const planned: { at: number; item: CommitItem; notify: boolean }[] = [];
      await Promise.all(
        edits.map(async (edit, at) => {
          if (edit instanceof Error) return;
          try {
            const current = await this.readForEdit(edit);
            const next = edit.plan(current);
            if (!next) return;
            if (this.readOnly) throw new NewsdeskError(this.readOnly.code, this.readOnly.message);
            // A story read from its own file (not from a pack, not new) has a file a pack write supersedes.
            const ownFile = current !== null && (this.index.rows.stamp(edit.id)?.mtimeMs ?? 0) >= 0;
            const item = {
              stored: next.stored,
              prior: current,
              local: next.local,
              file: this.files.fileOf(edit.id),
              ownFile,
            };
            planned.push({ at, item, notify: next.notify });
          } catch (e) {
            outcomes[at] = { ok: false, error: e };
          }
        }),
      );
      planned.sort((a, b) => a.at - b.at);
      const errors = await this.commit(planned.map((p) => p.item));
      planned.forEach(({ at, item }, k) => {
        const error = errors[k];
        outcomes[at] =
          error == null ? { ok: true, stored: item.stored } : { ok: false, error: toNewsdeskError(error, '稿件') };
      });
      for (const { at, item, notify } of planned) {
        if (!notify || !outcomes[at]!.ok) continue;
        const write = { local: item.local, batch: planned.length >= 2 };
        await this.tellListeners(articleOnly(item.stored), item.prior ? articleOnly(item.prior) : null, write);
      }
      return outcomes;
    });
  }

  /**
   * A batch of two or more stories goes into one story pack (one fsync for the batch, no file per
   * story); a single story through the group commit into its own file (its own fsyncs), which from
   * then on wins over its pack entries.
   */
  private async commit(items: CommitItem[]): Promise<(unknown | null)[]> {
    const recordLocalChanges = (changed: string[]) =>
      changed.length ? this.recordLocalChanges(changed) : Promise.resolve();
    if (items.length >= 2 && (this.beforeWriteHooks.length === 0 || this.packedRecord)) {
      return commitPacked(
        { packs: this.packs, index: this.index, record: this.packedRecord, recordLocalChanges, summarize },
        items,
      );
    }
    return commitArticles(
      { dir: this.dir, index: this.index, beforeWrite: this.beforeWriteHooks, recordLocalChanges, summarize },
      items,
    );
  }

  /**
   * Every story with a stored version, listed or not (a story deleted on the hub keeps its version and
   * history but leaves the listing): own files and pack entries.
   */
  async storedIds(): Promise<string[]> {
    const ids = new Set<string>();
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (ARTICLE_ID_PATTERN.test(id)) ids.add(id);
    }
    for (const ref of this.packs.currentRefs()) ids.add(ref.id);
    return [...ids];
  }

  /** Where a story's current version is a pack entry: the pack and the entry's place in it (search builds). */
  packedAt(id: string): PackRef | null {
    // From the listing row, without a stat: a row pointing at a pack has mtimeMs = -pack number.
    const ref = this.packs.current(id);
    return ref && this.index.rows.stamp(id)?.mtimeMs === -ref.seq ? ref : null;
  }

  private async readForEdit(edit: ArticleEdit): Promise<StoredArticle | null> {
    if (edit.read === 'none') return null;
    if (edit.known && edit.known.stamp !== '' && edit.known.stamp === this.stampOf(edit.id)) return edit.known.stored;
    if (edit.read === 'strict') return this.getStored(edit.id);
    return this.files.readLenient(edit.id);
  }

  private async tellListeners(
    article: Article,
    previous: Article | null,
    write: { local: boolean; batch: boolean },
  ): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(article, previous, write);
      } catch (e) {
        // The story itself is saved; a listener (revisions, search) failing must not report it lost.
        console.error(`[newsdesk] after saving ${article.id}:`, e);
      }
    }
  }
}

function* packedStamps(
  packs: StoryPacks,
): IterableIterator<{ id: string; deleted: boolean; mtimeMs: number; size: number }> {
  for (const ref of packs.currentRefs())
    yield { id: ref.id, deleted: ref.deleted, mtimeMs: -ref.seq, size: ref.length };
}
