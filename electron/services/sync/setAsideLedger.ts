/**
 * Revisions pulled from the hub that are not stories this version can read (another peer wrote a
 * body that fails our schema). Each is kept aside as it arrived, with why, and reported until a
 * later revision of the same story that builds on it arrives; nothing is skipped in silence.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomicFile';
import { readLedgerFile, writeLedgerFile } from './ledgerFile';
import { SchemaProblemSchema } from '../../../shared/rules/sync/schemaProblems';
import { setAsideProblems } from './setAsideProblems';

export const SetAsideSchema = z.object({
  id: z.string(),
  rev: z.string(),
  /** Which fields failed and how, in a form a person can act on. */
  reason: z.string(),
  /** The same as data, for screens to say in their reader's language (absent in ledgers written before). */
  problems: z.array(SchemaProblemSchema).optional(),
  /** Where the revision is kept, as it arrived from the hub. */
  file: z.string(),
});
export type SetAside = z.infer<typeof SetAsideSchema>;

const LedgerFileSchema = z.object({ setAside: z.array(SetAsideSchema) });

const key = (id: string, rev: string) => `${id} ${rev}`;

export class SetAsideLedger {
  private entries = new Map<string, SetAside>();
  private readonly file: string;
  private readonly docsDir: string;

  constructor(syncDir: string, repId: string) {
    this.file = join(syncDir, 'set-aside', `${repId}.json`);
    this.docsDir = join(syncDir, 'set-aside', repId);
  }

  /** Read from the file each time: more than one replicator of this hub may exist in a process. */
  private async load(): Promise<void> {
    this.entries = new Map();
    const ledger = await readLedgerFile(this.file, LedgerFileSchema);
    for (const e of ledger?.setAside ?? []) this.entries.set(key(e.id, e.rev), e);
  }

  async list(): Promise<SetAside[]> {
    await this.load();
    return [...this.entries.values()];
  }

  /**
   * Keeps `arrived` aside (each document written durably under sync/set-aside/) and drops entries
   * that a newer pulled revision builds on (`superseded`: id and the revs in its ancestry).
   * Called before the pull moves its checkpoint, so nothing read is lost to a crash.
   */
  async update(
    arrived: readonly { id: string; rev: string; reason: string; doc: unknown }[],
    superseded: ReadonlyMap<string, ReadonlySet<string>>,
  ): Promise<SetAside[]> {
    await this.load();
    let changed = false;
    const added: SetAside[] = [];
    for (const [k, e] of this.entries) {
      if (superseded.get(e.id)?.has(e.rev)) {
        this.entries.delete(k);
        changed = true;
      }
    }
    for (const a of arrived) {
      const file = join(this.docsDir, `${a.id}@${a.rev}.json`);
      await mkdir(this.docsDir, { recursive: true });
      await writeFileAtomic(file, JSON.stringify(a.doc));
      const entry = { id: a.id, rev: a.rev, reason: a.reason, problems: setAsideProblems(a.id, a.doc), file };
      this.entries.set(key(a.id, a.rev), entry);
      added.push(entry);
      changed = true;
    }
    if (changed) await writeLedgerFile(this.file, { setAside: [...this.entries.values()] });
    return added;
  }
}
