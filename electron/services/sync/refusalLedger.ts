/**
 * The stories the hub refused, kept durably per replication so a refusal outlives the push that
 * met it: they stay pending (and named) until a change makes them pass or a person discards them.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readLedgerFile, writeLedgerFile } from './ledgerFile';

export const RefusalSchema = z.object({
  id: z.string(),
  /** The refused leaf revision. */
  rev: z.string().optional(),
  /** The hub's own words (validate_doc_update's `forbidden`, or the size limit). */
  reason: z.string(),
  error: z.string(),
});
export type Refusal = z.infer<typeof RefusalSchema>;

const LedgerFileSchema = z.object({ refused: z.array(RefusalSchema) });

export class RefusalLedger {
  private entries = new Map<string, Refusal>();
  private readonly file: string;

  constructor(syncDir: string, repId: string) {
    this.file = join(syncDir, 'refused', `${repId}.json`);
  }

  /**
   * Read from the file each time: more than one replicator of this hub may exist in a process (a
   * one-shot sync, then the app's), and the file, not a copy in memory, is what they share.
   */
  private async load(): Promise<void> {
    this.entries = new Map();
    // A ledger that cannot be read costs only a re-check: every story in it is pushed again anyway.
    const ledger = await readLedgerFile(this.file, LedgerFileSchema);
    for (const r of ledger?.refused ?? []) this.entries.set(r.id, r);
  }

  async ids(): Promise<string[]> {
    await this.load();
    return [...this.entries.keys()];
  }

  async list(): Promise<Refusal[]> {
    await this.load();
    return [...this.entries.values()];
  }

  /**
   * Records what one push learned: `refused` stories join (or stay in) the ledger with the hub's
   * newest reason, `passed` ones leave it. Written durably before the push moves its checkpoint.
   */
  async update(refused: readonly Refusal[], passed: Iterable<string>): Promise<void> {
    await this.load();
    const before = JSON.stringify([...this.entries.values()]);
    for (const id of passed) this.entries.delete(id);
    for (const r of refused) this.entries.set(r.id, r);
    if (JSON.stringify([...this.entries.values()]) === before) return;
    await writeLedgerFile(this.file, { refused: [...this.entries.values()] });
  }

  async forget(id: string): Promise<void> {
    await this.update([], [id]);
  }
}
