/**
 * The article store: one lowdb document per article in articles/, an index for listing,
 * revision checks against lost updates, and quarantine for files that cannot be read.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
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
import type { z } from 'zod';
import type { ArticleListQuerySchema } from '../../shared/ipc/contract';
import { countBody } from '../../shared/rules/charCount';
import { creditCheck } from '../../shared/rules/creditCheck';
import { isTempFile } from './atomicFile';
import { ArticleIndex, type IndexEntry } from './articleIndex';
import { toNewsdeskError } from './fsErrors';
import { CorruptFileError, DurableJsonFile } from './jsonFileAdapter';
import { KeyedMutex } from './keyedMutex';
import { Quarantine, type QuarantinedFile } from './quarantine';
import { resolveInside } from './safePath';
import { SessionMarker } from './sessionMarker';
import { articleOnly, conflictCount, StoredArticleSchema, type StoredArticle } from '../../shared/model/syncFields';
import { localEdit } from './sync/articleDoc';

/** The listing query as the contract defines it (defaults filled), not a second copy of it. */
export type ArticleListOptions = z.output<typeof ArticleListQuerySchema>;

/** Called after every successful write, e.g. to keep revisions or a search index. */
export type ArticleWriteListener = (article: Article, previous: Article | null) => Promise<void> | void;

export interface ArticleStoreOptions {
  dataDir: string;
  now?: () => Date;
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
    creditProblems: [...new Set(creditCheck(a).map((p) => p.code))],
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
  private readonly dir: string;
  private readonly index: ArticleIndex;
  private readonly quarantine: Quarantine;
  private readonly marker: SessionMarker;
  private readonly mutex = new KeyedMutex();
  private readonly listeners: ArticleWriteListener[] = [];
  private readonly now: () => Date;
  /** Told before a local edit is written, so the replicator's change log never misses one. */
  private recordLocalChange: (id: string) => Promise<void> = async () => {};

  private constructor(opts: ArticleStoreOptions) {
    this.dir = join(opts.dataDir, 'articles');
    this.index = new ArticleIndex(join(opts.dataDir, 'index'));
    this.quarantine = new Quarantine(join(opts.dataDir, 'quarantine'));
    this.marker = new SessionMarker(join(opts.dataDir, 'index'));
    this.now = opts.now ?? (() => new Date());
  }

  static async open(opts: ArticleStoreOptions): Promise<ArticleStore> {
    const store = new ArticleStore(opts);
    await mkdir(store.dir, { recursive: true });
    await mkdir(join(opts.dataDir, 'index'), { recursive: true });
    const loaded = await store.index.load();
    // Trust the index only if every earlier session closed cleanly and it was read whole.
    const trusted = loaded && (await store.marker.others()).length === 0;
    await store.marker.acquire();
    await store.reconcile(trusted);
    if (!trusted) await store.marker.clearDead();
    return store;
  }

  /** Marks this session closed cleanly, so the next open can trust the index. */
  async close(): Promise<void> {
    await this.index.compact();
    await this.marker.release();
  }

  onWrite(listener: ArticleWriteListener): void {
    this.listeners.push(listener);
  }

  onLocalChange(record: (id: string) => Promise<void>): void {
    this.recordLocalChange = record;
  }

  /** Every story's id, for a first push. */
  ids(): string[] {
    return [...this.index.entries.keys()];
  }

  /** Stories with more than one live leaf after sync. */
  conflicted(): string[] {
    return [...this.index.entries.values()].filter((e) => (e.summary.conflicts ?? 0) > 0).map((e) => e.summary.id);
  }

  get count(): number {
    return this.index.entries.size;
  }

  /** Files quarantined since open, plus those from earlier sessions still in the folder. */
  async quarantined(): Promise<QuarantinedFile[]> {
    return this.quarantine.list();
  }

  /**
   * Brings the index in line with the files: new, changed, removed and corrupt ones.
   * After an unclean close every file is stat'ed; the stat pass is synchronous on purpose:
   * for 10,000 files it is several times faster than the thread pool, and it runs once.
   */
  private async reconcile(trusted: boolean): Promise<void> {
    const seen = new Set<string>();
    const changedIds: { id: string; mtimeMs: number; size: number }[] = [];
    for (const name of readdirSync(this.dir)) {
      if (isTempFile(name)) {
        await rm(join(this.dir, name), { force: true });
        continue;
      }
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      // A plain regex: this runs once per file at open, where zod's overhead shows at 10,000.
      if (!ARTICLE_ID_PATTERN.test(id)) continue;
      seen.add(id);
      const known = this.index.entries.get(id);
      // A trusted index is right about every file it lists; only unknown files need a look.
      if (trusted && known) continue;
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
            if (article) this.index.setInMemory({ summary: summarize(article), mtimeMs, size });
          } catch (e) {
            if (!(e instanceof CorruptFileError)) throw e;
            this.index.deleteInMemory(id);
            await this.quarantine.put(e.file, e.message, this.now());
          }
        }),
      );
    }
    for (const id of [...this.index.entries.keys()]) {
      if (!seen.has(id)) {
        this.index.deleteInMemory(id);
        changed = true;
      }
    }
    if (changed) await this.index.compact();
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
        await this.index.remove(id);
        const q = await this.quarantine.put(e.file, e.message, this.now());
        throw new NewsdeskError('corrupt', `稿件文件已损坏，已移入隔离区（${q.file}）。`);
      }
      throw toNewsdeskError(e, '稿件');
    }
    if (!article) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
    return article;
  }

  summary(id: string): ArticleSummary | null {
    return this.index.entries.get(id)?.summary ?? null;
  }

  list(opts: ArticleListOptions): { total: number; items: ArticleSummary[] } {
    const wanted = opts.status ? new Set(opts.status) : null;
    const all: ArticleSummary[] = [];
    for (const { summary } of this.index.entries.values()) {
      if (wanted ? !wanted.has(summary.status) : !opts.includeSpiked && summary.status === 'spiked') continue;
      if (opts.creditProblems && summary.creditProblems.length === 0) continue;
      all.push(summary);
    }
    all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : -1));
    return { total: all.length, items: all.slice(opts.offset, opts.offset + opts.limit) };
  }

  async create(kind: ArticleKind, content: Partial<ArticleContent> | undefined, actor: string): Promise<Article> {
    const at = this.now().toISOString();
    const article = ArticleSchema.parse({
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
    return this.mutex.run(article.id, async () => {
      await this.recordLocalChange(article.id);
      return this.write(localEdit(null, article), null);
    });
  }

  /** Saves content based on `baseRevision`; a stale base is refused and the newer article returned in the error. */
  save(id: string, baseRevision: number, content: ArticleContent, actor: string): Promise<Article> {
    return this.update(id, baseRevision, actor, (current) => ({ ...current, ...content }));
  }

  /** Applies `change` to the current version if it is still `baseRevision`; used by saves and status moves. */
  update(
    id: string,
    baseRevision: number,
    actor: string,
    change: (current: StoredArticle) => Article,
  ): Promise<Article> {
    return this.mutex.run(id, async () => {
      const current = await this.getStored(id);
      if (current.revision !== baseRevision) {
        throw new NewsdeskError(
          'conflict',
          `稿件已被 ${current.updatedBy} 于 ${current.updatedAt} 更新（第 ${current.revision} 版），你的修改基于第 ${baseRevision} 版。`,
          { currentRevision: current.revision, current: articleOnly(current) },
        );
      }
      const next = ArticleSchema.parse({
        ...change(current),
        id,
        revision: current.revision + 1,
        createdAt: current.createdAt,
        createdBy: current.createdBy,
        updatedAt: this.now().toISOString(),
        updatedBy: actor,
      });
      await this.recordLocalChange(id);
      return this.write(localEdit(current, next), current);
    });
  }

  /**
   * Rewrites one file under its lock without the revision check: for revisions pulled from the hub
   * and conflict resolutions. `change` returns null to leave the file alone; listeners hear only
   * when `notify` is set (the winner changed), so a pulled losing leaf does not reload the editor.
   */
  writeSynced(
    id: string,
    change: (current: StoredArticle | null) => { stored: StoredArticle; notify: boolean; local: boolean } | null,
  ): Promise<StoredArticle | null> {
    return this.mutex.run(id, async () => {
      let current: StoredArticle | null;
      try {
        current = await this.readFile(id);
      } catch (e) {
        if (!(e instanceof CorruptFileError)) throw e;
        current = null;
      }
      const next = change(current);
      if (!next) return null;
      if (next.local) await this.recordLocalChange(id);
      await this.write(next.stored, current, next.notify);
      return next.stored;
    });
  }

  private async write(stored: StoredArticle, prior: StoredArticle | null, notify = true): Promise<Article> {
    const file = this.fileOf(stored.id);
    const article = articleOnly(stored);
    const previous = prior ? articleOnly(prior) : null;
    try {
      const db = this.db(article.id);
      db.data = stored;
      await db.write();
      const st = await stat(file);
      const entry: IndexEntry = { summary: summarize(stored), mtimeMs: st.mtimeMs, size: st.size };
      await this.index.put(entry);
    } catch (e) {
      throw toNewsdeskError(e, '稿件');
    }
    for (const listener of notify ? this.listeners : []) {
      try {
        await listener(article, previous);
      } catch (e) {
        // The story itself is saved; a listener (revisions, search) failing must not report it lost.
        console.error(`[newsdesk] after saving ${article.id}:`, e);
      }
    }
    return article;
  }
}
