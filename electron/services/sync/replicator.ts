/**
 * Push and pull between one store and one hub database: `runOnce` for the CLI and tests, `start`
 * for the app (pull through a longpoll `_changes` feed, push after each save), resuming from the
 * checkpoints after a restart or a network loss. All of it is async I/O on the main thread's
 * event loop: a save waits only if its own story is in the page being written (one group commit
 * of at most a `_bulk_get` page), never for the whole pull.
 */
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../assetStore';
import type { ChangeLog } from './changeLog';
import { Checkpointer, replicationId } from './checkpoints';
import { HubUnreachableError, type HubClient } from './hubClient';
import { describeHubFailure } from './hubAdmin';
import { pullStep } from './pull';
import { pushOnce, type Refusal } from './push';

import type { SyncStatus } from '../../../shared/ipc/events';

export interface ReplicatorOptions {
  store: ArticleStore;
  assets: AssetStore;
  log: ChangeLog;
  hub: HubClient;
  syncDir: string;
  storeId: string;
  onStatus?: (status: SyncStatus) => void;
  batchSize?: number;
  longpollMs?: number;
}

export class Replicator {
  private readonly pullCp: Checkpointer;
  private readonly pushCp: Checkpointer;
  private running = false;
  private abort = new AbortController();
  private pushQueued = false;
  private pushing: Promise<void> | null = null;
  private pullLoop: Promise<void> | null = null;
  private refused: Refusal[] = [];
  private lastError: string | null = null;
  private offline = false;
  private busy = 0;

  constructor(private readonly opts: ReplicatorOptions) {
    const { storeId, hub, syncDir } = opts;
    this.pullCp = new Checkpointer(syncDir, replicationId(storeId, hub.dbUrl, 'pull'), hub);
    this.pushCp = new Checkpointer(syncDir, replicationId(storeId, hub.dbUrl, 'push'), hub);
  }

  private get ctx() {
    const { hub, store, assets, log } = this.opts;
    return { hub, store, assets, log };
  }

  /** Pulls everything new, page by page. */
  async pull(): Promise<{ written: number; fetched: number; rows: number }> {
    let since = await this.pullCp.since<unknown>(0);
    const total = { written: 0, fetched: 0, rows: 0 };
    for (;;) {
      const step = await pullStep({ ...this.ctx, checkpoint: this.pullCp }, since, {
        limit: this.opts.batchSize ?? 500,
      });
      total.written += step.written;
      total.fetched += step.fetched;
      total.rows += step.rows;
      since = step.lastSeq;
      if (step.rows === 0) return total;
    }
  }

  async push(): Promise<{ docs: number; refused: Refusal[] }> {
    const result = await pushOnce({ ...this.ctx, checkpoint: this.pushCp }, () => this.opts.store.ids());
    this.refused = result.refused;
    return result;
  }

  /** One full push then pull, for `newsdesk sync --once` and tests. */
  async runOnce(): Promise<{ pushed: number; pulled: number; refused: Refusal[] }> {
    const pushed = await this.push();
    const pulled = await this.pull();
    return { pushed: pushed.docs, pulled: pulled.written, refused: pushed.refused };
  }

  async status(): Promise<SyncStatus> {
    const since = await this.pushCp.since<number | null>(null).catch(() => null);
    const pending = since === null ? this.opts.store.ids().length : (await this.opts.log.since(since)).ids.length;
    const conflicts = this.opts.store.conflicted().length;
    if (this.offline) return { state: 'offline', pending, conflicts };
    if (this.lastError) return { state: 'error', pending, conflicts, message: this.lastError };
    if (this.refused.length > 0) {
      const r = this.refused[0]!;
      return { state: 'error', pending, conflicts, message: `${r.id}: ${r.reason}` };
    }
    if (this.busy > 0) return { state: 'syncing', pending, conflicts };
    if (conflicts > 0) return { state: 'conflict', pending, conflicts };
    return { state: 'synced', pending, conflicts };
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
      this.offline = false;
      this.lastError = null;
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
    while (this.running) {
      const ok = await this.guarded(async () => {
        since ??= await this.pullCp.since<unknown>(0);
        const longpoll = since !== null;
        const step = await pullStep({ ...this.ctx, checkpoint: this.pullCp }, since, {
          limit: this.opts.batchSize ?? 500,
          longpollMs: longpoll ? (this.opts.longpollMs ?? 25_000) : undefined,
          signal: this.abort.signal,
        });
        since = step.lastSeq;
      }, true);
      if (ok) backoff = 500;
      else if (this.running) {
        since = null;
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 30_000);
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
