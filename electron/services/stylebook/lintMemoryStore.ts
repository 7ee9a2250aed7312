/** What this desk remembers per story for the check panel: dismissed findings and words kept as written. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { StoryLintMemorySchema, type StoryLintMemory } from '../../../shared/model/stylebook';
import { writeFileAtomic } from '../atomicFile';
import { KeyedMutex } from '../keyedMutex';

const EMPTY: StoryLintMemory = { dismissed: [], keep: [] };

export class LintMemoryStore {
  private readonly dir: string;
  private readonly lock = new KeyedMutex();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'lint-memory');
  }

  private file(id: string): string {
    // Ids are checked by the contract (ArticleIdSchema): no path separators reach here.
    return join(this.dir, `${id}.json`);
  }

  async get(id: string): Promise<StoryLintMemory> {
    try {
      const parsed = StoryLintMemorySchema.safeParse(JSON.parse(await readFile(this.file(id), 'utf8')));
      // A damaged memory file costs only the remembered dismissals, never the story.
      return parsed.success ? parsed.data : EMPTY;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || e instanceof SyntaxError) return EMPTY;
      throw e;
    }
  }

  update(id: string, change: (m: StoryLintMemory) => StoryLintMemory): Promise<StoryLintMemory> {
    return this.lock.run(id, async () => {
      const next = StoryLintMemorySchema.parse(change(await this.get(id)));
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file(id), JSON.stringify(next));
      return next;
    });
  }

  dismiss(id: string, key: string): Promise<StoryLintMemory> {
    return this.update(id, (m) => (m.dismissed.includes(key) ? m : { ...m, dismissed: [...m.dismissed, key] }));
  }

  keep(id: string, word: string): Promise<StoryLintMemory> {
    return this.update(id, (m) => (m.keep.includes(word) ? m : { ...m, keep: [...m.keep, word] }));
  }
}
