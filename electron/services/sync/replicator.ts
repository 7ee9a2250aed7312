/**
 * Push and pull between one store and one hub database: `runOnce` for the CLI and tests, `start`
 * for the app (pull through a longpoll `_changes` feed, push after each save), resuming from the
 * checkpoints after a restart or a network loss. All of it is async I/O on the main thread's
 * event loop: a save waits only if its own story is in the page being written (one group commit
 * of at most a `_bulk_get` page), never for the whole pull.
 */
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../assetStore';
import type { IssueStore } from '../issueStore';
import type { ChangeLog } from './changeLog';
import { Checkpointer, replicationId } from './checkpoints';
import { HubUnreachableError, type HubClient } from './hubClient';
import { describeHubFailure } from './hubAdmin';
import { beginPullStep, pullStep, type PullStep } from './pull';
import { pushOnce, type Refusal } from './push';
import { RefusalLedger } from './refusalLedger';
import { SetAsideLedger, type SetAside } from './setAsideLedger';
import type { StylebookStore } from '../stylebook/stylebookStore';
import { syncStylebook, type StylebookSyncResult } from './stylebookReplication';

import type { SyncStatus } from '../../../shared/ipc/events';

export interface ReplicatorOptions {
  store: ArticleStore;
  /** Issue plans sync beside the stories when given. */
  issues?: IssueStore;
  assets: AssetStore;
  log: ChangeLog;
  hub: HubClient;
  /** The style book travels beside the stories when given (stylebookReplication.ts). */
  stylebook?: StylebookStore;
  syncDir: string;
  storeId: string;
  onStatus?: (status: SyncStatus) => void;
  batchSize?: number;
  longpollMs?: number;
  /** Called when a step succeeds after the hub was unreachable (e.g. to ask the hub who the user is). */
  onBackOnline?: () => Promise<void>;
}

/** Pull steps written at once by `pull` (see there). */
const STEPS_IN_FLIGHT = 2;

/** The longest wait between probes of an unreachable hub: back to 已同步 within 5 s of its return. */
const OFFLINE_PROBE_MAX_MS = 2_000;

export class Replicator {
  private readonly pullCp: Checkpointer;
  private readonly pushCp: Checkpointer;
  readonly refusals: RefusalLedger;
  readonly setAside: SetAsideLedger;
  /** One push and one pull at a time: two would race for one checkpoint. */
  private pushTail: Promise<unknown> = Promise.resolve();
  private pullTail: Promise<unknown> = Promise.resolve();
  private running = false;
  private abort = new AbortController();
  private pushQueued = false;
  private pushing: Promise<void> | null = null;
  private pullLoop: Promise<void> | null = null;
  private lastError: string | null = null;
  private offline = false;
  private busy = 0;
  private stylebookTail: Promise<unknown> = Promise.resolve();
  /** The hub's refusal of this desk's style book edit, if the last push was refused. */
  stylebookRefused: string | null = null;

  get hub(): HubClient {
    return this.opts.hub;
  }

  constructor(private readonly opts: ReplicatorOptions) {
    const { storeId, hub, syncDir } = opts;
    const pullId = replicationId(storeId, hub.dbUrl, 'pull');
    this.pullCp = new Checkpointer(syncDir, pullId, hub);
    this.setAside = new SetAsideLedger(syncDir, pullId);
    const pushId = replicationId(storeId, hub.dbUrl, 'push');
    this.pushCp = new Checkpointer(syncDir, pushId, hub);
    this.refusals = new RefusalLedger(syncDir, pushId);
  }

  private get ctx() {
    const { hub, store, assets, log, issues } = this.opts;
    return { hub, store, assets, log, issues };
  }

  private get pullCtx() {
    return { ...this.ctx, checkpoint: this.pullCp, setAside: this.setAside };
  }

  private serial<T>(which: 'push' | 'pull', work: () => Promise<T>): Promise<T> {
    const tail = which === 'push' ? this.pushTail : this.pullTail;
    const run = tail.then(work, work);
    const settled = run.catch(() => undefined);
    if (which === 'push') this.pushTail = settled;
    else this.pullTail = settled;
    return run;
  }

  /** Pulls everything new, page by page. */
  pull(): Promise<{ written: number; fetched: number; rows: number; setAside: SetAside[] }> {
    return this.serial('pull', async () => {
      let since = await this.pullCp.since<unknown>(0);
      const total = { written: 0, fetched: 0, rows: 0, setAside: [] as SetAside[] };
      const add = (step: PullStep) => {
        total.written += step.written;
        total.fetched += step.fetched;
        total.rows += step.rows;
        total.setAside.push(...step.setAside);
      };
      // Two steps at once: the next step's feed and first page are read while this one's last pages are
      // written; checkpoints still move in order (each step waits for the one before).
      let feed: PullStep['nextFeed'];
      let previous: Promise<PullStep> | undefined;
      const writing: Promise<PullStep>[] = [];
      try {
        for (;;) {
          const step = await beginPullStep(this.pullCtx, since, {
            limit: this.opts.batchSize ?? 500,
            ...(feed ? { feed } : {}),
            ...(previous ? { after: previous } : {}),
          });
          previous = step.done;
          writing.push(step.done);
          if (writing.length >= STEPS_IN_FLIGHT) add(await writing.shift()!);
          if (step.rows === 0) break;
          feed = step.nextFeed;
          since = step.lastSeq;
        }
        for (const done of writing.splice(0)) add(await done);
      } finally {
        // A failed step never returns while a later one is still writing.
        await Promise.allSettled(writing);
      }
      return total;
    });
  }

  push(): Promise<{ docs: number; refused: Refusal[] }> {
    return this.serial('push', async () => {
      const pushed = await pushOnce({ ...this.ctx, checkpoint: this.pushCp, refusals: this.refusals }, async () => [
        ...this.opts.store.ids(),
        ...((await this.opts.issues?.ids()) ?? []),
      ]);
      await this.syncStylebook();
      return pushed;
    });
  }

  /** One exchange of the style book document, one at a time (push rounds and the pull loop both call it). */
  syncStylebook(): Promise<StylebookSyncResult | null> {
    const book = this.opts.stylebook;
    if (!book) return Promise.resolve(null);
    const run = this.stylebookTail.then(async () => {
      const result = await syncStylebook(this.opts.hub, book);
      this.stylebookRefused = result.refused;
      return result;
    });
    this.stylebookTail = run.catch(() => undefined);
    return run;
  }

  /**
   * One full push then pull, for `newsdesk sync --once` and tests. `refused` and `setAside` name
   * every story still refused and every revision still kept aside, not only this run's.
   */
  async runOnce(): Promise<{ pushed: number; pulled: number; refused: Refusal[]; setAside: SetAside[] }> {
    const pushed = await this.push();
    const pulled = await this.pull();
    await this.syncStylebook();
    return {
      pushed: pushed.docs,
      pulled: pulled.written,
      refused: pushed.refused,
      setAside: await this.setAside.list(),
    };
  }

  async status(): Promise<SyncStatus> {
    // The local half of the checkpoint: a status must not wait on (or fail with) the hub.
    const since = await this.pushCp.localSince<number | null>(null);
    const refusedList = await this.refusals.list();
    const changed =
      since === null
        ? [...this.opts.store.ids(), ...((await this.opts.issues?.ids()) ?? [])]
        : (await this.opts.log.since(since)).ids;
    // A refused story is still pending: it has not reached the hub.
    const pending = new Set([...changed, ...refusedList.map((r) => r.id)]).size;
    const refused = refusedList.length;
    const conflicts = this.opts.store.conflicted().length;
    const counts = { pending, conflicts, refused };
    if (this.offline) return { state: 'offline', ...counts };
    if (this.lastError) return { state: 'error', ...counts, message: this.lastError };
    if (this.busy > 0) return { state: 'syncing', ...counts };
    // Edits not yet on the hub (and not refused) are not 已同步, even between two push rounds
    // (e.g. the moment a probe finds the hub back, before the push that follows it).
    const refusedIds = new Set(refusedList.map((r) => r.id));
    if (changed.some((id) => !refusedIds.has(id))) return { state: 'syncing', ...counts };
    if (refused > 0) {
      const r = refusedList[0]!;
      return { state: 'refused', ...counts, message: `${r.id}: ${r.reason}` };
    }
    if (conflicts > 0) return { state: 'conflict', ...counts };
    return { state: 'synced', ...counts };
  }

  private async report(): Promise<void> {
    if (!this.opts.onStatus) return;
    try {
      this.opts.onStatus(await this.status());
    } catch {
      // A status that cannot be computed (hub gone mid-read) is reported on the next step.
    }
  }

  private noteFailure(e: unknown): void {
    if (e instanceof HubUnreachableError) {
      this.offline = true;
    } else {
      this.offline = false;
      this.lastError = describeHubFailure(e);
    }
  }

  /** Runs one step, recording offline/error; `waiting` steps (a longpoll) do not show as 同步中. */
  private async guarded(work: () => Promise<unknown>, waiting = false): Promise<boolean> {
    const busy = waiting ? 0 : 1;
    this.busy += busy;
    if (busy) await this.report();
    try {
      await work();
      const wasOffline = this.offline;
      this.offline = false;
      this.lastError = null;
      if (wasOffline && this.opts.onBackOnline) await this.opts.onBackOnline().catch(() => undefined);
      return true;
    } catch (e) {
      if (this.abort.signal.aborted) return false;
      this.noteFailure(e);
      return false;
    } finally {
      this.busy -= busy;
      await this.report();
    }
  }

  /** Continuous sync: a longpoll pull loop and a push after every save. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    // A pulled version is already on the hub: only this desk's own edits wake a push round.
    this.opts.store.onWrite((_article, _previous, write) => {
      if (write.local) this.schedulePush();
    });
    this.opts.issues?.onWrite(() => this.schedulePush());
    this.opts.stylebook?.onChange((_book, how) => {
      if (how.local) this.schedulePush();
    });
    this.schedulePush();
    this.pullLoop = this.runPullLoop();
  }

  schedulePush(): void {
    if (!this.running) return;
    if (this.pushing) {
      this.pushQueued = true;
      return;
    }
    this.pushing = (async () => {
      do {
        this.pushQueued = false;
        const ok = await this.guarded(() => this.push());
        if (!ok && this.running) await this.sleep(this.offline ? 2000 : 5000);
        if (!ok && this.running) this.pushQueued = true;
      } while (this.pushQueued && this.running);
      this.pushing = null;
    })();
  }

  private async runPullLoop(): Promise<void> {
    let since: unknown = null;
    let backoff = 500;
    // After a failure the next read answers at once (no longpoll), so a hub that is back shows as
    // back within one probe, not after a whole longpoll.
    let recovering = false;
    while (this.running) {
      const ok = await this.guarded(
        () =>
          this.serial('pull', async () => {
            since ??= await this.pullCp.since<unknown>(0);
            const step = await pullStep(this.pullCtx, since, {
              limit: this.opts.batchSize ?? 500,
              longpollMs: recovering ? undefined : (this.opts.longpollMs ?? 25_000),
              signal: this.abort.signal,
            });
            since = step.lastSeq;
            // The feed woke for some change; the style book is one small read to check as well.
            await this.syncStylebook();
          }),
        true,
      );
      if (ok) {
        backoff = 500;
        recovering = false;
      } else if (this.running) {
        since = null;
        recovering = true;
        await this.sleep(backoff);
        // An unreachable hub is cheap to probe and a desk wants to know soon that it is back.
        backoff = Math.min(backoff * 2, this.offline ? OFFLINE_PROBE_MAX_MS : 30_000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.abort.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.pullLoop;
    await this.pushing;
  }
}
