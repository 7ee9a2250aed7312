/**
 * Every save keeps a revision: a full copy of the article under revisions/<id>/, with a
 * small journal of who saved what and when. Bounded: the newest 200 plus every revision
 * that entered submitted, edited or approved, which is what a reporter compares against.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsdeskError } from '../../shared/ipc/errors';
import { ArticleSchema, type Article } from '../../shared/model/article';
import type { ArticleStatus } from '../../shared/model/status';
import { RevisionMetaSchema, type RevisionMeta } from '../../shared/model/revisionMeta';
import { appendLineDurable, discardStaged, fsyncDir, settleAll, stageFile, writeFileAtomic } from './atomicFile';
import { KeyedMutex } from './keyedMutex';
import { resolveInside } from './safePath';
import { appendOp, replaceOp, type FileOp } from './store/batchJournal';

const MILESTONES: ReadonlySet<ArticleStatus> = new Set(['submitted', 'edited', 'approved']);

function metaOf(article: Article, previous: Article | null): RevisionMeta {
  return {
    revision: article.revision,
    status: article.status,
    updatedAt: article.updatedAt,
    updatedBy: article.updatedBy,
    milestone: MILESTONES.has(article.status) && previous?.status !== article.status,
  };
}

export class RevisionStore {
  private readonly dir: string;
  /** Serialises a story's meta.jsonl rewrite (prune) with a sitting mark, so neither loses the other's line. */
  private readonly metaLock = new KeyedMutex();

  constructor(
    dataDir: string,
    readonly keepRecent = 200,
  ) {
    this.dir = join(dataDir, 'revisions');
  }

  private folder(id: string): string {
    return resolveInside(this.dir, id);
  }

  /** Records the article as saved; called before the article file is replaced. */
  async record(article: Article, previous: Article | null): Promise<void> {
    await this.recordBatch([{ article, previous }]);
  }

  /**
   * Records many saves at once (a group commit): each revision file and each meta line is fsynced
   * once, each story's folder once, and the revisions/ folder once if a story's folder is new. When
   * this resolves, every revision in the batch is as durable as a single `record` makes it.
   */
  async recordBatch(items: readonly { article: Article; previous: Article | null }[]): Promise<void> {
    const created = await settleAll(
      items.map(({ article }) => mkdir(this.folder(article.id), { recursive: true, mode: 0o700 })),
    );
    await settleAll(items.map(({ article, previous }) => this.writeOne(article, previous)));
    // A new story's folder is itself a new entry in revisions/.
    if (created.some((c) => c !== undefined)) await fsyncDir(this.dir);
    for (const { article } of items) if (article.revision % 20 === 0) await this.prune(article.id);
  }

  /**
   * The same records as `recordBatch` makes, as file writes for the article store's batch journal
   * (each revision file and each meta line); `afterJournal` prunes once they are in place.
   */
  journalOps(items: readonly { article: Article; previous: Article | null }[]): FileOp[] {
    return items.flatMap(({ article, previous }): FileOp[] => {
      const folder = this.folder(article.id);
      return [
        replaceOp(join(folder, `${article.revision}.json`), JSON.stringify(article)),
        appendOp(join(folder, 'meta.jsonl'), JSON.stringify(metaOf(article, previous))),
      ];
    });
  }

  async afterJournal(items: readonly { article: Article; previous: Article | null }[]): Promise<void> {
    for (const { article } of items) if (article.revision % 20 === 0) await this.prune(article.id);
  }

  private async writeOne(article: Article, previous: Article | null): Promise<void> {
    const folder = this.folder(article.id);
    const meta = metaOf(article, previous);
    // A meta line whose file is not in place is ignored by `list`, so the two may land in either order.
    const staging = stageFile(join(folder, `${article.revision}.json`), JSON.stringify(article));
    const appending = appendLineDurable(join(folder, 'meta.jsonl'), JSON.stringify(meta));
    try {
      await settleAll<unknown>([staging, appending]);
      await rename((await staging).tmp, join(folder, `${article.revision}.json`));
    } catch (e) {
      const staged = await staging.catch(() => null);
      if (staged) await discardStaged([staged]);
      throw e;
    }
    // One folder fsync makes both the rename and a new meta.jsonl durable.
    await fsyncDir(folder);
  }

  async list(id: string): Promise<RevisionMeta[]> {
    let text: string;
    try {
      text = await readFile(join(this.folder(id), 'meta.jsonl'), 'utf8');
    } catch {
      return [];
    }
    const byRevision = new Map<number, RevisionMeta>();
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const m = RevisionMetaSchema.parse(JSON.parse(line));
        byRevision.set(m.revision, m);
      } catch {
        // A torn or damaged line (a crash mid-append): that revision's file may still exist.
      }
    }
    const present = new Set(
      (await readdir(this.folder(id))).filter((n) => /^\d+\.json$/.test(n)).map((n) => Number(n.slice(0, -5))),
    );
    return [...byRevision.values()].filter((m) => present.has(m.revision)).sort((a, b) => b.revision - a.revision);
  }

  /**
   * Marks `revision` as the last save of a sitting (the person closed the story after it), by appending
   * its meta line again with the flag: `list` keeps the last line per revision, and a torn append is ignored
   * there, so the journal stays valid whatever happens. Only the person's own save ends her sitting;
   * another's is left alone (false).
   */
  async markSitting(id: string, revision: number, actor: string): Promise<boolean> {
    return this.metaLock.run(id, async () => {
      const meta = (await this.list(id)).find((m) => m.revision === revision);
      if (!meta) throw new NewsdeskError('not_found', `稿件 ${id} 没有第 ${revision} 版（可能已超出保留范围）。`);
      if (meta.updatedBy !== actor) return false;
      if (meta.endsSitting) return true;
      await appendLineDurable(join(this.folder(id), 'meta.jsonl'), JSON.stringify({ ...meta, endsSitting: true }));
      return true;
    });
  }

  async get(id: string, revision: number): Promise<Article> {
    let text: string;
    try {
      text = await readFile(join(this.folder(id), `${revision}.json`), 'utf8');
    } catch {
      throw new NewsdeskError('not_found', `稿件 ${id} 没有第 ${revision} 版（可能已超出保留范围）。`);
    }
    const parsed = ArticleSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new NewsdeskError('corrupt', `第 ${revision} 版的文件已损坏。`);
    return parsed.data;
  }

  /** Drops revisions beyond the newest `keepRecent` that are not milestones. */
  prune(id: string): Promise<void> {
    return this.metaLock.run(id, () => this.pruneNow(id));
  }

  private async pruneNow(id: string): Promise<void> {
    const all = await this.list(id);
    const doomed = all.slice(this.keepRecent).filter((m) => !m.milestone);
    if (doomed.length === 0) return;
    const folder = this.folder(id);
    for (const m of doomed) await rm(join(folder, `${m.revision}.json`), { force: true });
    const kept = new Set(doomed.map((m) => m.revision));
    const rest = all.filter((m) => !kept.has(m.revision)).sort((a, b) => a.revision - b.revision);
    await writeFileAtomic(join(folder, 'meta.jsonl'), rest.map((m) => JSON.stringify(m)).join('\n') + '\n');
  }
}
