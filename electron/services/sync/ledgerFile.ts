/** One small JSON file per replication that a sync ledger (refusals, set-aside revisions) keeps durably. */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../atomicFile';

/**
 * The ledger as its schema reads it, or null when it is missing or unreadable: a ledger only spares
 * work already done (a lost one means stories are checked again), so it never stops a sync.
 */
export async function readLedgerFile<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S> | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Writes the ledger atomically, making its folder on first use. */
export async function writeLedgerFile(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(value));
}
