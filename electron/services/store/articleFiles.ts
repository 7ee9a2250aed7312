/** Reading one story's file: its path inside articles/, the parse, and quarantine for a file that cannot be read. */
import { Low } from 'lowdb';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { ArticleIdSchema } from '../../../shared/model/article';
import { StoredArticleSchema, type StoredArticle } from '../../../shared/model/syncFields';
import { toNewsdeskError } from '../fsErrors';
import { CorruptFileError, DurableJsonFile } from '../jsonFileAdapter';
import type { Quarantine } from '../quarantine';
import { resolveInside } from '../safePath';
import type { ArticleIndex } from './articleIndex';

export interface ArticleFilesOptions {
  dataDir: string;
  index: ArticleIndex;
  quarantine: Quarantine;
  now: () => Date;
  /** A process that does not own the store never moves a file to quarantine. */
  readOnly: boolean;
}

export class ArticleFiles {
  readonly dir: string;

  constructor(private readonly opts: ArticleFilesOptions) {
    this.dir = join(opts.dataDir, 'articles');
  }

  /** The file of a valid id, never outside articles/. */
  fileOf(id: string): string {
    if (!ArticleIdSchema.safeParse(id).success) throw new NewsdeskError('validation', `不是有效的稿件编号：${id}`);
    return resolveInside(this.dir, `${id}.json`);
  }

  /** The stored story, or null when it has no file; a file that cannot be parsed throws CorruptFileError. */
  async read(id: string): Promise<StoredArticle | null> {
    const db = new Low<StoredArticle>(
      new DurableJsonFile(this.fileOf(id), (raw) => StoredArticleSchema.parse(raw)),
      null as never,
    );
    await db.read();
    return db.data ?? null;
  }

  /** As `read`, for a reader that treats a corrupt file as no story (sync). */
  async readLenient(id: string): Promise<StoredArticle | null> {
    // A story new to this desk (most of a first pull) has no file: one stat, without the failed open and
    // the error it builds. Called under the story's lock, and only this process writes the folder.
    if (!existsSync(this.fileOf(id))) return null;
    try {
      return await this.read(id);
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      return null;
    }
  }

  /** The story or a typed error: not_found, or corrupt after its file is moved to quarantine (by the owner). */
  async getStored(id: string): Promise<StoredArticle> {
    let article: StoredArticle | null;
    try {
      article = await this.read(id);
    } catch (e) {
      if (e instanceof CorruptFileError) {
        if (this.opts.readOnly) throw new NewsdeskError('corrupt', `稿件文件已损坏（${id}）。`);
        await this.opts.index.remove(id);
        const q = await this.opts.quarantine.put(e.file, e.message, this.opts.now());
        throw new NewsdeskError('corrupt', `稿件文件已损坏，已移入隔离区（${q.file}）。`);
      }
      throw toNewsdeskError(e, '稿件');
    }
    if (!article) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
    return article;
  }
}
