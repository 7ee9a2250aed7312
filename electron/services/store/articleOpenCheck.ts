/**
 * The check of every story's current version (its own file, or its story-pack entry) against the
 * listing index at open, run in the background so the desk lists at once. Packs are few and their entry
 * lists were read when the store opened, so pack-resident stories cost no stat each. Until it ends, a row is shown only after its own file is stat'ed against its
 * index entry (a handful per page); a row that disagrees is re-read at once, or, if that file cannot be
 * read, hidden and quarantined. The full pass stats every file on a worker thread, then re-reads what changed, takes
 * new files in, drops rows whose file is gone and removes temp files left by a crash.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_ID_PATTERN } from '../../../shared/model/article';
import { isTempFile } from '../atomicFile';
import { scanFolder, scanHere, type FolderScan, type RunningScan } from './articleFolderScan';
import type { RowCheck } from './articleListing';
import type { IndexRows } from './articleRows';

/** What re-reading one story's file did to its index entry. */
export type CheckOutcome = 'kept' | 'changed' | 'removed' | { quarantined: string };

export interface CheckResult {
  /** Stories re-read because their file changed behind the index (or is new to it). */
  changed: string[];
  /** Stories whose file is gone (or unreadable, in a process that may not quarantine). */
  removed: string[];
  /** Files moved to quarantine, as named there. */
  quarantined: string[];
}

export interface CheckedStore {
  /** The articles folder. */
  dir: string;
  rows: IndexRows;
  /** Only the owner removes temp files (in another process one may be a save in flight). */
  readOnly: boolean;
  /** Re-reads one story under its lock and brings its index entry in line with the file. */
  resolve(id: string): Promise<CheckOutcome>;
  /** The stamp of a story's current version (own file or pack entry), or null when it has none. */
  locate(id: string): { mtimeMs: number; size: number } | null;
  /** Every story whose newest version is a pack entry, with that entry's row stamp. */
  packed(): Iterable<{ id: string; deleted: boolean; mtimeMs: number; size: number }>;
  /** Re-reads one story at once into the index (in memory); false when the file cannot be read. */
  rereadNow(id: string, st: { mtimeMs: number; size: number }): boolean;
}

const CHUNK = 4096;
const PARALLEL = 64;

export class OpenCheck implements RowCheck {
  private running = true;
  private stopped = false;
  private scan: RunningScan | null = null;
  /** Rows already stat'ed and found in line, by id (row numbers change when the index compacts). */
  private readonly verified = new Set<string>();
  /** Rows found out of line with their file, hidden until re-read. */
  private readonly suspects = new Map<string, Promise<void>>();
  private readonly result: CheckResult = { changed: [], removed: [], quarantined: [] };
  readonly done: Promise<CheckResult>;

  constructor(private readonly store: CheckedStore) {
    this.done = this.run().finally(() => {
      this.running = false;
      this.verified.clear();
    });
  }

  hidden(row: number): boolean {
    return this.running && this.suspects.size > 0 && this.suspects.has(this.store.rows.cols.id[row]!);
  }

  readable(row: number): boolean {
    if (!this.running) return true;
    const c = this.store.rows.cols;
    const id = c.id[row]!;
    if (this.suspects.has(id)) return false;
    if (this.verified.has(id)) return true;
    const st = this.store.locate(id);
    if (st && st.mtimeMs === c.mtimeMs[row] && st.size === c.size[row]) {
      this.verified.add(id);
      return true;
    }
    // Changed behind the index: shown as the file now has it, or hidden until quarantined.
    if (st && this.store.rereadNow(id, st)) {
      this.verified.add(id);
      this.result.changed.push(id);
      return true;
    }
    this.suspect(id);
    return false;
  }

  /** Stops the pass (the store is closing); what it found so far stays applied. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.scan?.stop();
    await this.done.catch(() => undefined);
  }

  private suspect(id: string): void {
    if (this.suspects.has(id)) return;
    const settled = this.resolveLogged(id).finally(() => this.suspects.delete(id));
    this.suspects.set(id, settled);
  }

  private async resolve(id: string): Promise<void> {
    const outcome = await this.store.resolve(id);
    if (outcome === 'changed') this.result.changed.push(id);
    else if (outcome === 'removed') this.result.removed.push(id);
    else if (outcome !== 'kept') this.result.quarantined.push(outcome.quarantined);
  }

  private async run(): Promise<CheckResult> {
    this.scan = scanFolder(this.store.dir, this.store.rows.size);
    let scan: FolderScan;
    try {
      scan = await this.scan.done;
    } catch (e) {
      if (this.stopped) return this.result;
      // No worker thread to be had: the same pass on this thread.
      console.error('[newsdesk] folder scan worker failed, checking on this thread:', e);
      scan = scanHere(this.store.dir);
    }
    const { rows } = this.store;
    const toRead: string[] = [];
    const temps: string[] = [];
    const ownTemp = `.${process.pid}.`;
    let indexedSeen = 0;
    for (let i = 0; i < scan.names.length; i++) {
      // Yields now and then: comparing 60,000 entries should not hold a save for long.
      if (i % CHUNK === CHUNK - 1) await new Promise(setImmediate);
      const name = scan.names[i]!;
      if (isTempFile(name)) {
        // This process's own temp files are saves in flight.
        if (!name.includes(ownTemp)) temps.push(name);
        continue;
      }
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      // A plain regex: this runs once per file, where zod's overhead shows at 60,000.
      if (!ARTICLE_ID_PATTERN.test(id)) continue;
      const known = rows.stamp(id);
      if (known) indexedSeen++;
      const mtimeMs = scan.mtimeMs[i]!;
      if (mtimeMs < 0 && !known) continue;
      if (!known || known.mtimeMs !== mtimeMs || known.size !== scan.size[i]) toRead.push(id);
    }
    if (this.stopped) return this.result;
    if (!this.store.readOnly) {
      await Promise.all(temps.map((name) => rm(join(this.store.dir, name), { force: true })));
    }
    const onDisk = new Set(scan.names.map((n) => n.slice(0, -5)));
    // Stories whose current version is a pack entry: the row must point at it (a pack written just
    // before a crash may not be in the index yet: this is its replay into the listing).
    const inPack = new Set<string>();
    for (const p of this.store.packed()) {
      if (onDisk.has(p.id)) continue;
      inPack.add(p.id);
      const known = rows.stamp(p.id);
      if (p.deleted ? !!known : !known || known.mtimeMs !== p.mtimeMs || known.size !== p.size) toRead.push(p.id);
      else if (known) indexedSeen++;
    }
    // Rows with neither an own file nor a pack entry (gone, or saved as new since the scan: resolve tells which).
    if (indexedSeen !== rows.size) {
      for (const id of rows.ids()) if (!onDisk.has(id) && !inPack.has(id)) toRead.push(id);
    }
    for (let i = 0; i < toRead.length && !this.stopped; i += PARALLEL) {
      await Promise.all(toRead.slice(i, i + PARALLEL).map((id) => this.suspects.get(id) ?? this.resolveLogged(id)));
    }
    await Promise.all(this.suspects.values());
    return this.result;
  }

  /** One story that cannot be re-read must not end the check for the others. */
  private async resolveLogged(id: string): Promise<void> {
    try {
      await this.resolve(id);
    } catch (e) {
      console.error(`[newsdesk] checking ${id} at open:`, e);
    }
  }
}
