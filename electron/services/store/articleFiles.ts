/**
 * Reading one story: its own file inside articles/ or its newest story-pack entry (storyPacks.ts; the
 * own file wins when both exist), the parse, and quarantine for a version that cannot be read.
 */
import { Low } from 'lowdb';
import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { ArticleIdSchema } from '../../../shared/model/article';
import type { QuarantinedFile } from '../../../shared/model/quarantinedFile';
import { StoredArticleSchema, type StoredArticle } from '../../../shared/model/syncFields';
import { toNewsdeskError } from '../fsErrors';
import { CorruptFileError, DurableJsonFile } from '../jsonFileAdapter';
import type { Quarantine } from '../quarantine';
import { resolveInside } from '../safePath';
import type { ArticleIndex } from './articleIndex';
import { CorruptPackEntryError, supersededBy, type PackRef, type StoryPacks } from './storyPacks';

export interface ArticleFilesOptions {
  dataDir: string;
  index: ArticleIndex;
  quarantine: Quarantine;
  packs: StoryPacks;
  now: () => Date;
  /** A process that does not own the store never moves a file to quarantine. */
  readOnly: boolean;
}

/** Where a story's current version lives, with the stamp its listing row must carry. */
export type StoryLocation =
  { kind: 'file'; mtimeMs: number; size: number } | { kind: 'pack'; ref: PackRef; mtimeMs: number; size: number };

export class ArticleFiles {
  readonly dir: string;
  readonly packs: StoryPacks;

  constructor(private readonly opts: ArticleFilesOptions) {
    this.dir = join(opts.dataDir, 'articles');
    this.packs = opts.packs;
  }

  /** The file of a valid id, never outside articles/. */
  fileOf(id: string): string {
    if (!ArticleIdSchema.safeParse(id).success) throw new NewsdeskError('validation', `不是有效的稿件编号：${id}`);
    return resolveInside(this.dir, `${id}.json`);
  }

  /**
   * The story's current version: its own file when it has one (and that file is not the one its newest
   * pack entry superseded), else its newest pack entry; null if neither.
   */
  locate(id: string): StoryLocation | null {
    const ref = this.packs.current(id);
    const st = statSync(join(this.dir, `${id}.json`), { throwIfNoEntry: false });
    if (st && !supersededBy(ref, st)) return { kind: 'file', mtimeMs: st.mtimeMs, size: st.size };
    return ref ? { kind: 'pack', ref, mtimeMs: -ref.seq, size: ref.length } : null;
  }

  /** The newest pack entry when it, not the own file, holds the current version; null to read the file. */
  private packFirst(id: string): PackRef | null {
    const ref = this.packs.current(id);
    if (!ref) return null;
    const st = statSync(this.fileOf(id), { throwIfNoEntry: false });
    return !st || supersededBy(ref, st) ? ref : null;
  }

  /** The stored story, or null when it has no version; one that cannot be parsed throws CorruptFileError. */
  async read(id: string): Promise<StoredArticle | null> {
    // A process that only reads may not have seen the owner's newer packs: it looks again before
    // taking a story with neither a file nor a pack entry it knows for missing.
    if (this.opts.readOnly && !this.locate(id)) await this.packs.refresh();
    const ref = this.packFirst(id);
    if (ref) return parseEntry(ref, await this.packs.read(ref));
    const db = new Low<StoredArticle>(
      new DurableJsonFile(this.fileOf(id), (raw) => StoredArticleSchema.parse(raw)),
      null as never,
    );
    await db.read();
    return db.data ?? null;
  }

  /** As `read`, on this thread and without the lowdb adapter (a row about to be shown). */
  readSync(id: string): StoredArticle | null {
    const file = join(this.dir, `${id}.json`);
    const ref = this.packFirst(id);
    if (ref) return parseEntry(ref, this.packs.readSync(ref));
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    try {
      return StoredArticleSchema.parse(JSON.parse(text));
    } catch (e) {
      throw new CorruptFileError(file, e instanceof Error ? e.message : String(e));
    }
  }

  /** As `read`, for a reader that treats a corrupt version as no story (sync). */
  async readLenient(id: string): Promise<StoredArticle | null> {
    // A story new to this desk (most of a first pull) has no version: one stat, without the failed open
    // and the error it builds. Called under the story's lock, and only this process writes the store.
    if (!this.locate(id)) return null;
    try {
      return await this.read(id);
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      return null;
    }
  }

  /**
   * Moves what could not be read to quarantine: a story file whole; a damaged pack entry as a copy of
   * its bytes, the entry marked so it is never offered again (the pack's other stories stay).
   */
  async quarantine(e: CorruptFileError): Promise<QuarantinedFile> {
    if (!(e instanceof CorruptPackEntryError)) return this.opts.quarantine.put(e.file, e.message, this.opts.now());
    const record = await this.opts.quarantine.putCopy(
      `${e.ref.id}.pack-${e.ref.seq}.json`,
      await rawBytes(e.ref),
      e.message,
      this.opts.now(),
    );
    await this.packs.markBad(e.ref);
    return record;
  }

  /** In a process that may not write: the damaged entry is not offered again until it closes. */
  forgetInMemory(e: CorruptFileError): void {
    if (e instanceof CorruptPackEntryError) this.packs.markBadInMemory(e.ref);
  }

  /** The story or a typed error: not_found, or corrupt after it is moved to quarantine (by the owner). */
  async getStored(id: string): Promise<StoredArticle> {
    let article: StoredArticle | null;
    try {
      article = await this.read(id);
    } catch (e) {
      if (e instanceof CorruptFileError) {
        if (this.opts.readOnly) throw new NewsdeskError('corrupt', `稿件文件已损坏（${id}）。`);
        await this.opts.index.remove(id);
        const q = await this.quarantine(e);
        throw new NewsdeskError('corrupt', `稿件文件已损坏，已移入隔离区（${q.file}）。`);
      }
      throw toNewsdeskError(e, '稿件');
    }
    if (!article) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
    return article;
  }
}

function parseEntry(ref: PackRef, data: Buffer): StoredArticle {
  try {
    const stored = StoredArticleSchema.parse(JSON.parse(data.toString('utf8')));
    if (stored.id !== ref.id) throw new Error(`条目是 ${stored.id}`);
    return stored;
  } catch {
    throw new CorruptPackEntryError(ref);
  }
}

/** Whatever bytes a damaged entry has, for its copy in quarantine. */
async function rawBytes(ref: PackRef): Promise<Buffer> {
  try {
    const fh = await open(ref.file, 'r');
    try {
      const buf = Buffer.alloc(ref.length);
      const { bytesRead } = await fh.read(buf, 0, ref.length, ref.offset);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return Buffer.alloc(0);
  }
}
