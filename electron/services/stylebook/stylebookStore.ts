/**
 * The paper's style book as one document in the store (`stylebook.json`), written atomically,
 * with the hub revision it was last in step with, so the replicator knows whether to push it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EMPTY_STYLEBOOK, StylebookSchema, type Stylebook } from '../../../shared/model/stylebook';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../atomicFile';
import { KeyedMutex } from '../keyedMutex';

const StoredStylebookSchema = z.object({
  book: StylebookSchema,
  /** The hub's `_rev` of the version this one is based on; null before it ever met a hub. */
  hubRev: z.string().nullable(),
  /** Edited here since it was last pushed. */
  dirty: z.boolean(),
});
export type StoredStylebook = z.infer<typeof StoredStylebookSchema>;

export type StylebookListener = (book: Stylebook, how: { local: boolean }) => void;

export class StylebookStore {
  private readonly file: string;
  private readonly lock = new KeyedMutex();
  private current: StoredStylebook | null = null;
  private readonly listeners: StylebookListener[] = [];

  constructor(dataDir: string) {
    this.file = join(dataDir, 'stylebook.json');
  }

  onChange(listener: StylebookListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  async stored(): Promise<StoredStylebook> {
    if (this.current) return this.current;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      this.current = { book: EMPTY_STYLEBOOK, hubRev: null, dirty: false };
      return this.current;
    }
    const parsed = StoredStylebookSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new NewsdeskError('corrupt', `stylebook.json: ${parsed.error.issues[0]?.message ?? ''}`);
    this.current = parsed.data;
    return this.current;
  }

  async get(): Promise<Stylebook> {
    return (await this.stored()).book;
  }

  private async write(next: StoredStylebook, local: boolean): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(next));
    this.current = next;
    for (const l of this.listeners) l(next.book, { local });
  }

  /** A desk edit (settings, CSV import): the whole book is replaced at once, or nothing is. */
  save(book: Pick<Stylebook, 'entries' | 'keep'>, actor: string, at: Date = new Date()): Promise<Stylebook> {
    return this.lock.run('book', async () => {
      const prev = await this.stored();
      const parsed = StylebookSchema.safeParse({ ...book, updatedAt: at.toISOString(), updatedBy: actor });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new NewsdeskError('validation', issue.message, { path: issue.path.join('.') });
      }
      const next = parsed.data;
      await this.write({ book: next, hubRev: prev.hubRev, dirty: true }, true);
      return next;
    });
  }

  /** The hub's version arrived (or this desk's push was taken as `rev`). */
  applyHub(book: Stylebook, rev: string, opts: { ifUnchangedSince?: StoredStylebook } = {}): Promise<boolean> {
    return this.lock.run('book', async () => {
      const prev = await this.stored();
      // A local edit made while the push was on its way stays dirty and is pushed next round.
      if (opts.ifUnchangedSince && prev !== opts.ifUnchangedSince) {
        await this.write({ ...prev, hubRev: rev }, false);
        return false;
      }
      const changed = JSON.stringify(prev.book) !== JSON.stringify(book);
      const next = { book, hubRev: rev, dirty: false };
      if (changed) await this.write(next, false);
      else if (prev.hubRev !== rev || prev.dirty) {
        await writeFileAtomic(this.file, JSON.stringify(next));
        this.current = next;
      }
      return changed;
    });
  }
}
