/**
 * Every save keeps a revision: a story saved alone, a full copy under revisions/<id>/ with a small
 * journal of who saved what and when; a story written by a batch (a pull, an import), its story-pack
 * entry, whose list carries the same meta line (store/storyPacks.ts). A story's history is both, in
 * revision order. Bounded: the newest 200 plus every revision that entered submitted, edited or
 * approved, which is what a reporter compares against. Folder revisions beyond that are deleted; pack
 * entries beyond it are only hidden (packs are immutable; dropping them needs a pack compaction, which
 * does not exist yet).
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsdeskError } from '../../shared/ipc/errors';
import { ArticleSchema, type Article } from '../../shared/model/article';
import type { ArticleStatus } from '../../shared/model/status';
import { RevisionMetaSchema, type RevisionMeta } from '../../shared/model/revisionMeta';
import { articleOnly, StoredArticleSchema } from '../../shared/model/syncFields';
import { appendLineDurable, discardStaged, fsyncDir, settleAll, stageFile, writeFileAtomic } from './atomicFile';
import { KeyedMutex } from './keyedMutex';
import { resolveInside } from './safePath';
import { CorruptPackEntryError, type PackRef, type StoryPacks } from './store/storyPacks';

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
    /** The store's story packs, whose entries are the revisions of batch-written stories. */
    private readonly packs: StoryPacks | null = null,
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

  /** The meta line of a batch-written revision, kept in its story pack's list beside the story itself. */
  packMeta({ article, previous }: { article: Article; previous: Article | null }): RevisionMeta {
    return metaOf(article, previous);
  }

  async afterPack(items: readonly { article: Article; previous: Article | null }[]): Promise<void> {
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

  /** The revisions shown: the newest `keepRecent` and every milestone, newest first. */
  async list(id: string): Promise<RevisionMeta[]> {
    const all = await this.listAll(id);
    return all.filter((m, k) => k < this.keepRecent || m.milestone);
  }

  /** Every revision kept on disk, folder and packs, newest first. */
  private async listAll(id: string): Promise<RevisionMeta[]> {
    const { metas } = await this.folderRevisions(id);
    const byRevision = new Map<number, RevisionMeta>();
    for (const ref of this.packs?.entriesOf(id) ?? []) {
      const m = RevisionMetaSchema.safeParse(ref.meta);
      if (m.success) byRevision.set(m.data.revision, m.data);
    }
    // A folder line wins for its revision: it may mark the end of a sitting for a packed revision.
    for (const m of metas) byRevision.set(m.revision, m);
    return [...byRevision.values()].sort((a, b) => b.revision - a.revision);
  }

  /** The folder's meta lines whose revision is present (its file, or a pack entry), and its files. */
  private async folderRevisions(id: string): Promise<{ metas: RevisionMeta[]; files: Set<number> }> {
    let text: string;
    try {
      text = await readFile(join(this.folder(id), 'meta.jsonl'), 'utf8');
    } catch {
      return { metas: [], files: new Set() };
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
    const files = new Set(
      (await readdir(this.folder(id))).filter((n) => /^\d+\.json$/.test(n)).map((n) => Number(n.slice(0, -5))),
    );
    const packed = new Set((this.packs?.entriesOf(id) ?? []).map((r) => r.revision));
    return { metas: [...byRevision.values()].filter((m) => files.has(m.revision) || packed.has(m.revision)), files };
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
      // A packed revision of a story never saved alone gets its folder here, for this one line.
      await mkdir(this.folder(id), { recursive: true, mode: 0o700 });
      await appendLineDurable(join(this.folder(id), 'meta.jsonl'), JSON.stringify({ ...meta, endsSitting: true }));
      return true;
    });
  }

  async get(id: string, revision: number): Promise<Article> {
    let text: string;
    try {
      text = await readFile(join(this.folder(id), `${revision}.json`), 'utf8');
    } catch {
      return this.getPacked(id, revision);
    }
    const parsed = ArticleSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new NewsdeskError('corrupt', `第 ${revision} 版的文件已损坏。`);
    return parsed.data;
  }

  /** A revision kept as a story-pack entry (the newest entry of that revision), if it is shown. */
  private async getPacked(id: string, revision: number): Promise<Article> {
    const missing = () => new NewsdeskError('not_found', `稿件 ${id} 没有第 ${revision} 版（可能已超出保留范围）。`);
    const ref: PackRef | undefined = (this.packs?.entriesOf(id) ?? []).filter((r) => r.revision === revision).pop();
    if (!ref || !(await this.list(id)).some((m) => m.revision === revision)) throw missing();
    let raw: Buffer;
    try {
      raw = await this.packs!.read(ref);
    } catch (e) {
      if (e instanceof CorruptPackEntryError) throw new NewsdeskError('corrupt', `第 ${revision} 版的记录已损坏。`);
      throw missing();
    }
    const stored = StoredArticleSchema.safeParse(JSON.parse(raw.toString('utf8')));
    const parsed = stored.success ? ArticleSchema.safeParse(articleOnly(stored.data)) : null;
    if (!parsed?.success) throw new NewsdeskError('corrupt', `第 ${revision} 版的记录已损坏。`);
    return parsed.data;
  }

  /** Drops revisions beyond the newest `keepRecent` that are not milestones. */
  prune(id: string): Promise<void> {
    return this.metaLock.run(id, () => this.pruneNow(id));
  }

  /** Deletes the folder's revisions beyond the rule; pack entries beyond it are hidden by `list`. */
  private async pruneNow(id: string): Promise<void> {
    const all = await this.listAll(id);
    const doomed = new Set(all.slice(this.keepRecent).flatMap((m) => (m.milestone ? [] : [m.revision])));
    const { metas, files } = await this.folderRevisions(id);
    const doomedFiles = [...files].filter((r) => doomed.has(r));
    if (doomedFiles.length === 0) return;
    const folder = this.folder(id);
    for (const r of doomedFiles) await rm(join(folder, `${r}.json`), { force: true });
    const rest = metas.filter((m) => !doomed.has(m.revision)).sort((a, b) => a.revision - b.revision);
    await writeFileAtomic(join(folder, 'meta.jsonl'), rest.map((m) => JSON.stringify(m)).join('\n') + '\n');
  }
}
