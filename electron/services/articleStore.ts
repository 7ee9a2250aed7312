/**
 * The article store: one lowdb document per article in articles/, an index for listing,
 * revision checks against lost updates, and quarantine for files that cannot be read.
 */
import { applyPlacement } from '../../shared/rules/workflow';
import { acceptedDocument } from '../../shared/rules/suggestions/acceptedText';
import { openComments, suggestionIds } from '../../shared/rules/suggestions/changeTable';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { NewsdeskError } from '../../shared/ipc/errors';
import {
  ARTICLE_ID_PATTERN,
  ArticleIdSchema,
  ArticleSchema,
  emptyContent,
  type Article,
  type ArticleContent,
  type ArticleKind,
  type ArticleSummary,
} from '../../shared/model/article';
import { countBody } from '../../shared/rules/charCount';
import { creditCheck } from '../../shared/rules/creditCheck';
import { isTempFile } from './atomicFile';
import { commitArticles, type ArticleBeforeWrite, type CommitItem } from './articleCommit';
import { ArticleIndex, type IndexEntry } from './articleIndex';
import { OpenCheck, type CheckOutcome, type CheckResult } from './articleOpenCheck';
import { idsNewestFirst, listFacets, listRows, type ArticleListOptions } from './articleListing';
import { toNewsdeskError } from './fsErrors';
import { CorruptFileError, DurableJsonFile } from './jsonFileAdapter';
import { KeyedMutex } from './keyedMutex';
import type { QuarantinedFile } from '../../shared/model/quarantinedFile';
import { Quarantine } from './quarantine';
import { resolveInside } from './safePath';
import { SessionMarker } from './sessionMarker';
import {
  articleOnly,
  conflictCount,
  deletionOf,
  StoredArticleSchema,
  type StoredArticle,
} from '../../shared/model/syncFields';
import { localEdit } from './sync/articleDoc';

export type { ArticleListOptions } from './articleListing';

/** Called after every successful write, e.g. to keep revisions or a search index. */
export type ArticleWriteListener = (article: Article, previous: Article | null) => Promise<void> | void;

export type { ArticleBeforeWrite } from './articleCommit';

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

export function summarize(a: Article | StoredArticle): ArticleSummary {
  return {
    id: a.id,
    kind: a.kind,
    kicker: a.kicker,
    headline: a.headline,
    status: a.status,
    revision: a.revision,
    bylineNames: a.bylines.map((b) => b.name),
    correspondentNames: a.correspondents.map((c) => c.name),
    source: a.source,
    bodyChars: countBody(a.body),
    // The credit check reads the copy as it would print: with every suggestion accepted.
    creditProblems: [...new Set(creditCheck({ ...a, body: acceptedDocument(a.body) }).map((p) => p.code))],
    pendingSuggestions: suggestionIds(a.body).size,
    openComments: openComments(a).length,
    placement: a.placement,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    conflicts: conflictCount(a),
  };
}

function newArticleId(): string {
  return `a-${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}

export class ArticleStore {
  /** The folder of article files (the search build reads them from a worker). */
  readonly dir: string;
  private readonly index: ArticleIndex;
  private readonly quarantine: Quarantine;
  private readonly marker: SessionMarker;
  private readonly mutex = new KeyedMutex();
  private readonly listeners: ArticleWriteListener[] = [];
  private readonly beforeWriteHooks: ArticleBeforeWrite[] = [];
  private writeCheck: ((before: Article, after: Article, beforeDeleted: boolean) => void) | null = null;
  private readonly now: () => Date;
  private readonly readOnly: ArticleStoreOptions['readOnly'];
  /** Told before local edits are written, so the replicator's change log never misses one. */
  private recordLocalChanges: (ids: string[]) => Promise<void> = async () => {};

  private constructor(opts: ArticleStoreOptions) {
    this.dir = join(opts.dataDir, 'articles');
    this.index = new ArticleIndex(join(opts.dataDir, 'index'));
    this.quarantine = new Quarantine(join(opts.dataDir, 'quarantine'));
    this.marker = new SessionMarker(join(opts.dataDir, 'index'));
    this.now = opts.now ?? (() => new Date());
    this.readOnly = opts.readOnly;
  }

  static async open(opts: ArticleStoreOptions): Promise<ArticleStore> {
    const store = new ArticleStore(opts);
    if (store.readOnly) {
      await store.checkFiles(await store.index.load());
      return store;
    }
    await mkdir(store.dir, { recursive: true });
    await mkdir(join(opts.dataDir, 'index'), { recursive: true });
    const loaded = await store.index.load();
    // A session that did not close (a crash) may have left temp files in any folder.
    store.uncleanBefore = !loaded || (await store.marker.others()).length > 0;
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
    if (this.readOnly) return;
    await this.index.compact();
    await this.marker.release();
  }

  /** Judges every edit of a story this desk makes (the hub's rule); it throws to refuse one. */
  checkEdits(check: (before: Article, after: Article, beforeDeleted: boolean) => void): void {
    this.writeCheck = check;
  }

  beforeWrite(hook: ArticleBeforeWrite): void {
    this.beforeWriteHooks.push(hook);
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
    if (!indexWhole) return this.reconcile();
    const check = new OpenCheck({
      dir: this.dir,
      rows: this.index.rows,
      readOnly: !!this.readOnly,
      resolve: (id) => this.resolveFromFile(id),
      rereadNow: (id, st) => this.rereadNow(id, st),
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

  /**
   * A story about to be shown whose file changed behind the index, re-read at once (one file, parsed on
   * this thread) so it is shown as the file has it; false when unreadable, left to `resolveFromFile`.
   * Held in memory only, like the rebuild at open: the next compaction writes it down.
   */
  private rereadNow(id: string, st: { mtimeMs: number; size: number }): boolean {
    let stored: StoredArticle;
    try {
      stored = StoredArticleSchema.parse(JSON.parse(readFileSync(join(this.dir, `${id}.json`), 'utf8')));
    } catch {
      return false;
    }
    // A story deleted on the hub is not listed; resolveFromFile takes it out of the index.
    if (stored._deleted) return false;
    this.index.setInMemory({ summary: summarize(stored), mtimeMs: st.mtimeMs, size: st.size });
    return true;
  }

  /** Brings one story's index entry in line with its file, under the story's lock (a save may be running). */
  private resolveFromFile(id: string): Promise<CheckOutcome> {
    return this.mutex.run(id, async () => {
      const st = statSync(join(this.dir, `${id}.json`), { throwIfNoEntry: false });
      const known = this.index.rows.stamp(id);
      if (known && st && known.mtimeMs === st.mtimeMs && known.size === st.size) return 'kept';
      let article: StoredArticle | null = null;
      try {
        if (st) article = await this.readFile(id);
      } catch (e) {
        if (!(e instanceof CorruptFileError)) throw e;
        if (this.readOnly) {
          this.index.deleteInMemory(id);
          return 'removed';
        }
        await this.index.remove(id);
        return { quarantined: (await this.quarantine.put(e.file, e.message, this.now())).file };
      }
      // A story deleted on the hub keeps its file (its history) but leaves the listing.
      if (!article || !st || article._deleted) {
        if (!known) return 'kept';
        if (this.readOnly) this.index.deleteInMemory(id);
        else await this.index.remove(id);
        return 'removed';
      }
      const entry: IndexEntry = { summary: summarize(article), mtimeMs: st.mtimeMs, size: st.size };
      if (this.readOnly) this.index.setInMemory(entry);
      else await this.index.put(entry);
      return 'changed';
    });
  }

  /**
   * Rebuilds the index from the files when it was missing or damaged: new, changed, removed and
   * corrupt ones, before the store opens (nothing could be listed without it). The stat pass is
   * synchronous on purpose: it is several times faster than the thread pool, and it runs once.
   */
  private async reconcile(): Promise<void> {
    const seen = new Set<string>();
    const changedIds: { id: string; mtimeMs: number; size: number }[] = [];
    for (const name of readdirSync(this.dir)) {
      if (isTempFile(name)) {
        // Only the owner cleans: in a read-only process this may be the owner's save in flight.
        if (!this.readOnly) await rm(join(this.dir, name), { force: true });
        continue;
      }
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      // A plain regex: this runs once per file at open, where zod's overhead shows at 10,000.
      if (!ARTICLE_ID_PATTERN.test(id)) continue;
      seen.add(id);
      const known = this.index.rows.stamp(id);
      const st = statSync(join(this.dir, name), { throwIfNoEntry: false });
      if (!st) continue;
      if (!known || known.mtimeMs !== st.mtimeMs || known.size !== st.size) {
        changedIds.push({ id, mtimeMs: st.mtimeMs, size: st.size });
      }
    }
    let changed = changedIds.length > 0;
    const BATCH = 256;
    for (let i = 0; i < changedIds.length; i += BATCH) {
      await Promise.all(
        changedIds.slice(i, i + BATCH).map(async ({ id, mtimeMs, size }) => {
          try {
            const article = await this.readFile(id);
            if (article && !article._deleted) this.index.setInMemory({ summary: summarize(article), mtimeMs, size });
            else if (article) this.index.deleteInMemory(id);
          } catch (e) {
            if (!(e instanceof CorruptFileError)) throw e;
            this.index.deleteInMemory(id);
            if (!this.readOnly) await this.quarantine.put(e.file, e.message, this.now());
          }
        }),
      );
    }
    for (const id of this.index.rows.ids()) {
      if (!seen.has(id)) {
        this.index.deleteInMemory(id);
        changed = true;
      }
    }
    if (changed && !this.readOnly) await this.index.compact();
  }

  private fileOf(id: string): string {
    if (!ArticleIdSchema.safeParse(id).success) throw new NewsdeskError('validation', `不是有效的稿件编号：${id}`);
    return resolveInside(this.dir, `${id}.json`);
  }

  private db(id: string): Low<StoredArticle> {
    return new Low<StoredArticle>(
      new DurableJsonFile(this.fileOf(id), (raw) => StoredArticleSchema.parse(raw)),
      null as never,
    );
  }

  private async readFile(id: string): Promise<StoredArticle | null> {
    const db = this.db(id);
    await db.read();
    return db.data ?? null;
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
  async getStored(id: string): Promise<StoredArticle> {
    let article: StoredArticle | null;
    try {
      article = await this.readFile(id);
    } catch (e) {
      if (e instanceof CorruptFileError) {
        if (this.readOnly) throw new NewsdeskError('corrupt', `稿件文件已损坏（${id}）。`);
        await this.index.remove(id);
        const q = await this.quarantine.put(e.file, e.message, this.now());
        throw new NewsdeskError('corrupt', `稿件文件已损坏，已移入隔离区（${q.file}）。`);
      }
      throw toNewsdeskError(e, '稿件');
    }
    if (!article) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
    return article;
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

  private newArticle(kind: ArticleKind, content: Partial<ArticleContent> | undefined, actor: string): Article {
    const at = this.now().toISOString();
    return ArticleSchema.parse({
      ...emptyContent(kind),
      ...content,
      kind,
      id: newArticleId(),
      status: 'draft',
      spikedFrom: null,
      revision: 1,
      createdAt: at,
      createdBy: actor,
      updatedAt: at,
      updatedBy: actor,
      placement: null,
    } satisfies Article);
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
        const article = this.newArticle(item.kind, item.content, actor);
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
  save(
    id: string,
    baseRevision: number,
    content: ArticleContent,
    actor: string,
    opts: { restoreDeleted?: boolean } = {},
  ): Promise<Article> {
    // A restored story comes back out of the page plan: its slot let it go when it was deleted.
    const change = (current: StoredArticle): Article =>
      opts.restoreDeleted && current._deleted
        ? applyPlacement({ ...articleOnly(current), ...content }, null)
        : { ...current, ...content };
    return this.update(id, baseRevision, actor, change, opts);
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
            stored: this.nextVersion(current, baseRevision, actor, change, restoreDeleted ?? false),
            notify: true,
            local: true,
          };
        },
      })),
    );
  }

  private nextVersion(
    current: StoredArticle,
    baseRevision: number,
    actor: string,
    change: (current: StoredArticle) => Article,
    restoreDeleted: boolean,
  ): StoredArticle {
    if (current._deleted && !restoreDeleted) {
      const deletion = deletionOf(current);
      throw new NewsdeskError(
        'deleted',
        `稿件已在中心库被${deletion?.by ? ` ${deletion.by} ` : ''}删除；保存会恢复它，请确认后再保存。`,
        { currentRevision: current.revision },
      );
    }
    if (current.revision !== baseRevision) {
      throw new NewsdeskError(
        'conflict',
        `稿件已被 ${current.updatedBy} 于 ${current.updatedAt} 更新（第 ${current.revision} 版），你的修改基于第 ${baseRevision} 版。`,
        { currentRevision: current.revision, current: articleOnly(current) },
      );
    }
    const next = ArticleSchema.parse({
      ...change(current),
      id: current.id,
      revision: current.revision + 1,
      createdAt: current.createdAt,
      createdBy: current.createdBy,
      updatedAt: this.now().toISOString(),
      updatedBy: actor,
    });
    this.writeCheck?.(articleOnly(current), next, current._deleted === true);
    return localEdit(current, next);
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
            const item = { stored: next.stored, prior: current, local: next.local, file: this.fileOf(edit.id) };
            planned.push({ at, item, notify: next.notify });
          } catch (e) {
            outcomes[at] = { ok: false, error: e };
          }
        }),
      );
      planned.sort((a, b) => a.at - b.at);
      const errors = await commitArticles(
        {
          dir: this.dir,
          index: this.index,
          beforeWrite: this.beforeWriteHooks,
          recordLocalChanges: (changed) => (changed.length ? this.recordLocalChanges(changed) : Promise.resolve()),
          summarize,
        },
        planned.map((p) => p.item),
      );
      planned.forEach(({ at, item }, k) => {
        const error = errors[k];
        outcomes[at] =
          error == null ? { ok: true, stored: item.stored } : { ok: false, error: toNewsdeskError(error, '稿件') };
      });
      for (const { at, item, notify } of planned) {
        if (!notify || !outcomes[at]!.ok) continue;
        await this.tellListeners(articleOnly(item.stored), item.prior ? articleOnly(item.prior) : null);
      }
      return outcomes;
    });
  }

  private async readForEdit(edit: ArticleEdit): Promise<StoredArticle | null> {
    if (edit.read === 'none') return null;
    if (edit.read === 'strict') return this.getStored(edit.id);
    try {
      return await this.readFile(edit.id);
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      return null;
    }
  }

  private async tellListeners(article: Article, previous: Article | null): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(article, previous);
      } catch (e) {
        // The story itself is saved; a listener (revisions, search) failing must not report it lost.
        console.error(`[newsdesk] after saving ${article.id}:`, e);
      }
    }
  }
}
