/**
 * Keeps full-text search in step with the store. Most stories sit in an on-disk segment built in a
 * worker thread; stories saved since then sit in a small in-memory index. At start the segment is
 * checked against the store's index (which replays the store's journal): every story whose revision
 * differs is re-read into the in-memory part, so a crash between a save and the search update is
 * caught. A missing or damaged segment, or too many changes (a bulk import by another process, e.g.
 * `newsdesk import-copy`), starts a rebuild in the background; meanwhile queries answer at once from the
 * segment and the newest of the missing stories, and say how many are not searchable yet (`pending`).
 * Stories written in batches (pulled from the hub, imported) are not indexed as they are written (that
 * was a fifth of a 10,000-story pull's CPU): they are noted, and read in once the writes have been quiet
 * for a moment or at the next query, whichever is first; as many as would start a rebuild are left to a
 * rebuild in the background. A story saved alone (the reporter typing) is indexed at once, as before.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchHit } from '../../../shared/ipc/contract';
import type { ArticleStore } from '../store/articleStore';
import { fsyncDir, writeFileAtomic } from '../atomicFile';
import { runSegmentBuild, type SegmentBuild } from './runSegmentBuild';
import { Segment, SegmentDamaged } from './segment';
import { MANIFEST_FILE, SEGMENT_FORMAT, type SegmentManifest } from './segmentFiles';
import { searchDocOf } from './searchDoc';
import { SearchIndex, type SearchField } from './searchIndex';
import { gramsOf, isSingleGram, locate, normalizeQuery, snippetOf } from './segmentText';

export { searchDocOf } from './searchDoc';

/** Beyond this many stories in memory, a new segment is built (and at start, rebuilt instead of caught up). */
const RECENT_LIMIT = 1000;
/**
 * After a bulk import, how long the first query may spend reading the newest missing stories before it
 * answers; the rest come with the background rebuild. A time, not a count, so the wait is the same on any store.
 */
const START_READ_BUDGET_MS = 150;
/** Quiet time after the last batch-written story before those stories are made searchable. */
const PULLED_QUIET_MS = 2_000;
/** Longer queries are confirmed against the text this many candidates past the shown ones; the rest count as likely hits. */
const CONFIRM_BUDGET = 200;

interface Found {
  id: string;
  field: SearchField;
  snippet: string;
}

export class SearchService {
  private readonly dir: string;
  private segment: Segment | null = null;
  private recent = new SearchIndex();
  /** Started by the first query (or a caller warming up), so commands that never search never load it. */
  private ready: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private build: SegmentBuild | null = null;
  private closed = false;
  /** Batch-written stories not yet made searchable (their old text already killed). */
  private readonly unread = new Set<string>();
  private unreadTimer: NodeJS.Timeout | null = null;
  private readingUnread: Promise<void> | null = null;
  /** Stories not yet searchable while a rebuild catches up after start; 0 once it has. */
  private pendingAtStart = 0;
  /** The catch-up rebuild started by start(), for callers that need every story searchable. */
  private catchUp: Promise<void> | null = null;

  constructor(
    private readonly store: ArticleStore,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'search');
    store.onWrite((a, _previous, { batch }) => {
      this.segment?.kill(a.id);
      // Spiked stories leave the results, and so do stories deleted on the hub (gone from the
      // listing by the time listeners hear); restoring puts them back.
      if (a.status === 'spiked' || !this.store.summary(a.id)) {
        this.recent.remove(a.id);
        this.unread.delete(a.id);
      } else if (batch) {
        this.recent.remove(a.id);
        this.unread.add(a.id);
        this.readUnreadWhenQuiet();
      } else {
        this.unread.delete(a.id);
        this.recent.put(a.id, searchDocOf(a));
      }
      if (this.recent.size > this.rebuildAfter()) this.rebuildInBackground();
    });
    // Files the store's check at open re-read (changed behind the index): their text is searched anew.
    store.onChecked(({ changed }) => {
      if (!this.ready) return;
      void this.ready
        .then(async () => {
          for (const id of changed) this.segment?.kill(id);
          for (const id of changed) this.recent.remove(id);
          await this.readIntoRecent(changed);
        })
        .catch((e: unknown) => console.error('[newsdesk] search catch-up after the check at open:', e));
    });
  }

  /** Resolves when queries can be answered (from what is indexed; see `pending`). */
  whenReady(): Promise<void> {
    if (!this.ready) {
      const starting = this.start();
      this.ready = starting;
      // A start that failed is tried again by the next query rather than failing every query after it.
      starting.catch(() => {
        if (this.ready === starting) this.ready = null;
      });
    }
    return this.ready;
  }

  /** Resolves when every story is searchable: the start and any catch-up rebuild it began are done. */
  async whenComplete(): Promise<void> {
    await this.whenReady();
    await this.readUnread();
    await this.catchUp;
    await this.ready;
  }

  /** How many stories queries cannot find yet (a rebuild after a bulk import is catching up). */
  get pending(): number {
    return this.pendingAtStart;
  }

  /** How many stories are held in memory rather than in the segment (for tests and the bench). */
  get recentCount(): number {
    return this.recent.size;
  }

  private async start(): Promise<void> {
    let manifest: SegmentManifest | null = null;
    try {
      manifest = JSON.parse(await readFile(join(this.dir, MANIFEST_FILE), 'utf8')) as SegmentManifest;
      this.segment = new Segment(this.dir, manifest);
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      if (!missing && !(e instanceof SegmentDamaged) && !(e instanceof SyntaxError)) throw e;
      if (!missing) console.error('[newsdesk] search index damaged, rebuilding:', (e as Error).message);
      this.segment = null;
    }
    // A small store without a segment: its few stories are read now and queries answer from them at once;
    // the segment (so later starts skip reading every story) is built in the background. A build that is
    // stopped or dies (a worker booting from source can be slow under load) never fails a query.
    if (!this.segment && this.store.count <= RECENT_LIMIT) {
      if (this.store.count === 0) return;
      await this.readIntoRecent(this.store.idsNewestFirst());
      this.catchUp = this.rebuildInBackground();
      return;
    }
    const stale = this.segment ? this.checkAgainstStore(this.segment) : this.store.idsNewestFirst();
    if (stale.length <= RECENT_LIMIT) {
      await this.readIntoRecent(stale);
      return;
    }
    // Too many to read now: the newest (the ones just imported, most likely asked for) are searchable at
    // once, as many as fit the start's reading budget; the rest wait for a rebuild in the background.
    const newestFirst = this.segment ? this.newestFirst(stale) : stale;
    await this.readIntoRecent(newestFirst.slice(0, RECENT_LIMIT), performance.now() + START_READ_BUDGET_MS);
    this.pendingAtStart = stale.length - this.recent.size;
    this.catchUp = this.rebuildInBackground();
  }

  /** `ids` in the store's newest-first order. */
  private newestFirst(ids: string[]): string[] {
    const wanted = new Set(ids);
    return this.store.idsNewestFirst().filter((id) => wanted.has(id));
  }

  /** Marks segment stories the store no longer has at that revision dead; returns the ids to re-read. */
  private checkAgainstStore(segment: Segment): string[] {
    const stale: string[] = [];
    const inStore = new Uint8Array(segment.docCount);
    this.store.forEachVersion((id, revision, spiked) => {
      const n = segment.numberOf(id);
      if (n >= 0) inStore[n] = 1;
      if (n >= 0 && spiked) segment.killAt(n);
      else if (!spiked && (n < 0 || segment.revisionAt(n) !== revision)) {
        if (n >= 0) segment.killAt(n);
        if (!this.recent.has(id)) stale.push(id);
      }
    });
    for (let n = 0; n < segment.docCount; n++) if (!inStore[n]) segment.killAt(n);
    return stale;
  }

  private async readIntoRecent(ids: string[], deadline = Infinity): Promise<void> {
    const BATCH = 64;
    for (let i = 0; i < ids.length && performance.now() < deadline; i += BATCH) {
      const batch = await Promise.all(ids.slice(i, i + BATCH).map((id) => this.store.get(id).catch(() => null)));
      for (const a of batch) {
        // A save that landed while this batch was read already indexed the newer text.
        if (!a || a.status === 'spiked' || this.store.summary(a.id)?.revision !== a.revision) continue;
        if (!this.recent.has(a.id)) this.recent.put(a.id, searchDocOf(a));
      }
    }
  }

  private readUnreadWhenQuiet(): void {
    if (this.unreadTimer) clearTimeout(this.unreadTimer);
    this.unreadTimer = setTimeout(() => {
      this.unreadTimer = null;
      this.readUnread().catch((e: unknown) => console.error('[newsdesk] search after batch writes:', e));
    }, PULLED_QUIET_MS);
    this.unreadTimer.unref();
  }

  /**
   * Makes the batch-written stories noted since the last time searchable: read into memory, or, when that
   * would start a rebuild anyway, by a rebuild in the background (queries say how many are pending).
   */
  private readUnread(): Promise<void> {
    if (this.readingUnread) return this.readingUnread;
    if (this.unread.size === 0 || this.closed) return Promise.resolve();
    const ids = [...this.unread];
    this.unread.clear();
    const reading = (async () => {
      if (ids.length > RECENT_LIMIT || this.recent.size + ids.length > this.rebuildAfter()) {
        this.pendingAtStart = Math.max(this.pendingAtStart, ids.length);
        const rebuilding = this.rebuildInBackground();
        this.catchUp = rebuilding;
        return;
      }
      await this.readIntoRecent(ids);
    })().finally(() => {
      this.readingUnread = null;
    });
    this.readingUnread = reading;
    return reading;
  }

  /** Stories the last segment was built from. */
  private builtFrom = 0;

  /**
   * How many stories may wait in memory before a new segment is built: RECENT_LIMIT, growing with the
   * segment (up to 8 times), so a long run of writes (a first pull, a big import) rebuilds from all the
   * files a logarithmic number of times instead of once every RECENT_LIMIT stories.
   */
  private rebuildAfter(): number {
    return Math.min(8 * RECENT_LIMIT, Math.max(RECENT_LIMIT, this.builtFrom));
  }

  private rebuildInBackground(): Promise<void> | null {
    if (this.rebuilding || this.closed) return this.rebuilding;
    this.rebuilding = this.rebuild()
      // Closing the store stops a build on purpose; the next start checks and builds again.
      .catch((e) => {
        if (!this.closed) console.error('[newsdesk] search index rebuild failed:', e);
      })
      .finally(() => {
        this.rebuilding = null;
      });
    return this.rebuilding;
  }

  /** Builds a new segment off the thread serving saves, then swaps it in and catches up with saves made meanwhile. */
  private async rebuild(): Promise<void> {
    const folder = `seg-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const ids = this.store.idsNewestFirst();
    this.builtFrom = ids.length;
    const packed: Record<string, [string, number, number]> = {};
    for (const id of ids) {
      const ref = this.store.packedAt(id);
      if (ref) packed[id] = [ref.file, ref.offset, ref.length];
    }
    this.build = runSegmentBuild({ articlesDir: this.store.dir, segmentDir: join(this.dir, folder), ids, packed });
    let sizes: Record<string, number>;
    try {
      sizes = await this.build.done;
    } finally {
      this.build = null;
    }
    if (this.closed) return;
    await fsyncDir(join(this.dir, folder));
    const manifest: SegmentManifest = { format: SEGMENT_FORMAT, folder, sizes };
    await writeFileAtomic(join(this.dir, MANIFEST_FILE), JSON.stringify(manifest));
    const next = new Segment(this.dir, manifest);
    if (this.closed) return;
    const swap = async () => {
      this.segment?.close();
      this.segment = next;
      this.recent = new SearchIndex();
      this.pendingAtStart = 0;
      await this.readIntoRecent(this.checkAgainstStore(next));
      await this.removeOldSegments(folder);
    };
    this.ready = swap();
    await this.ready;
  }

  private async removeOldSegments(current: string): Promise<void> {
    for (const name of await readdir(this.dir)) {
      if (name.startsWith('seg-') && name !== current) await rm(join(this.dir, name), { recursive: true, force: true });
    }
  }

  async query(raw: string, limit: number): Promise<{ total: number; hits: SearchHit[]; pending?: number }> {
    await this.whenReady();
    await this.readUnread();
    // Said with every answer while a catch-up runs, so a short list is not taken for the whole store.
    const pending = this.pendingAtStart > 0 ? { pending: this.pendingAtStart } : {};
    const q = normalizeQuery(raw);
    if (!q) return { total: 0, hits: [], ...pending };
    const found: Found[] = this.recent
      .query(q)
      .map((m) => ({ id: m.id, field: m.field, snippet: this.recent.snippet(m, q.length) }));
    let total = found.length;
    if (this.segment) {
      const fromSegment = this.querySegment(this.segment, q, limit);
      total += fromSegment.total;
      found.push(...fromSegment.found);
    }
    const hits: SearchHit[] = [];
    for (const f of found) {
      // A story whose file fails the store's check at open has no summary: never offered.
      const summary = this.store.summary(f.id);
      if (!summary) continue;
      const { kicker, headline, status, updatedAt } = summary;
      hits.push({ id: f.id, kicker, headline, status, updatedAt, field: f.field, snippet: f.snippet });
    }
    hits.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { total, hits: hits.slice(0, limit), ...pending };
  }

  /**
   * Segment stories are numbered newest first, so the first `limit` confirmed are the newest; only
   * they are made into strings (for the snippet). Candidates are confirmed on their folded text
   * without making strings: a two-character query needs no confirmation past the shown hits (its
   * postings are exact), a longer one is confirmed for CONFIRM_BUDGET more candidates (found as
   * written is proof enough there, else folded) and the unchecked rest is counted from the postings.
   */
  private querySegment(segment: Segment, q: string, limit: number): { total: number; found: Found[] } {
    const candidates = segment.candidates(gramsOf(q));
    const exact = isSingleGram(q);
    const found: Found[] = [];
    let confirmed = 0;
    let checked = 0;
    let beyond = 0;
    const needle = Buffer.from(q, 'utf16le');
    for (let i = 0; i < candidates.length; i++) {
      if (found.length >= limit && (exact || beyond >= CONFIRM_BUDGET)) break;
      checked++;
      if (found.length >= limit) {
        beyond++;
        if (segment.containsAsWritten(candidates, i, needle) || segment.matchAt(candidates, i, q, needle) >= 0)
          confirmed++;
        continue;
      }
      const at = segment.matchAt(candidates, i, q, needle);
      if (at < 0) continue;
      confirmed++;
      const doc = segment.doc(candidates, i);
      const place = locate(doc.normalized, at);
      const snippet = snippetOf(doc, place.field, place.at, q.length);
      found.push({ id: segment.idOf(candidates[i]!), field: place.field, snippet });
    }
    return { total: confirmed + (candidates.length - checked), found };
  }

  /** Stops a running build (the next start checks again) and releases the segment's files. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.unreadTimer) clearTimeout(this.unreadTimer);
    await this.build?.stop();
    await this.ready?.catch(() => undefined);
    await this.rebuilding;
    this.segment?.close();
  }
}
