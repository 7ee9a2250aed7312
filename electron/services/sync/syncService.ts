/**
 * Sync for one data folder: the change log is kept from the first save (so edits made before a
 * hub is configured still reach it), and a replicator runs only once a hub is configured.
 */
import { join } from 'node:path';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { ArticleSchema, type Article, type ArticleContent } from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import { resolveConflict } from './articleDoc';
import type { ArticleStore } from '../articleStore';
import type { AssetStore } from '../assetStore';
import { ChangeLog } from './changeLog';
import { storeUuid } from './checkpoints';
import { HubClient, HubUnreachableError, parseHubUrl, type HubAuth } from './hubClient';
import { readHubIdentity } from './hubSession';
import { describeHubFailure, testHub } from './hubAdmin';
import { envHubSecret, type HubSecret } from './hubSecret';
import type { SettingsService } from '../settingsService';
import { Replicator } from './replicator';
import type { SyncStatus } from '../../../shared/ipc/events';

export const SYNC_OFF: SyncStatus = { state: 'off', pending: 0, conflicts: 0 };

export class SyncService {
  private replicator: Replicator | null = null;
  private listeners: ((s: SyncStatus) => void)[] = [];
  /** The hub's rule run on a resolution before it is written (set when the services open). */
  checkResolution: ((before: StoredArticle, resolved: StoredArticle) => void) | null = null;
  /** Why the hub did not say who this user is, if it refused. */
  identityProblem: string | null = null;

  private constructor(
    readonly syncDir: string,
    readonly storeId: string,
    readonly log: ChangeLog,
    private readonly store: ArticleStore,
    private readonly assets: AssetStore,
    private readonly now: () => Date,
    readonly secret: HubSecret,
  ) {}

  static async open(
    dataDir: string,
    store: ArticleStore,
    assets: AssetStore,
    now: () => Date = () => new Date(),
    secret: HubSecret = envHubSecret(),
  ): Promise<SyncService> {
    const syncDir = join(dataDir, 'sync');
    const storeId = await storeUuid(syncDir);
    const log = await ChangeLog.open(syncDir);
    store.onLocalChange((ids) => log.recordMany(ids));
    return new SyncService(syncDir, storeId, log, store, assets, now, secret);
  }

  /** A replicator for `hubUrl` (credentials from `auth`, else from the URL). */
  replicatorFor(hubUrl: string, auth: HubAuth | null, opts: { batchSize?: number; longpollMs?: number } = {}) {
    const parsed = parseHubUrl(hubUrl);
    return new Replicator({
      store: this.store,
      assets: this.assets,
      log: this.log,
      hub: new HubClient(parsed.dbUrl, auth ?? parsed.auth),
      syncDir: this.syncDir,
      storeId: this.storeId,
      onStatus: (s) => this.listeners.forEach((l) => l(s)),
      ...opts,
    });
  }

  get active(): boolean {
    return this.replicator !== null;
  }

  onStatus(listener: (s: SyncStatus) => void): void {
    this.listeners.push(listener);
  }

  /** Starts continuous sync; a second call replaces the hub. */
  async start(hubUrl: string, auth: HubAuth | null, opts: { longpollMs?: number } = {}): Promise<void> {
    await this.stop();
    this.replicator = this.replicatorFor(hubUrl, auth, opts);
    this.replicator.start();
  }

  /** Starts sync if settings name a hub; the password comes from the secret store, never settings. */
  async startFromSettings(settings: SettingsService): Promise<SyncStatus> {
    const { hubUrl, hubUser } = settings.get();
    if (!hubUrl) {
      await this.stop();
      return SYNC_OFF;
    }
    const password = await this.secret.read();
    const auth = hubUser ? { user: hubUser, password: password ?? '' } : null;
    // Without an account the hub identifies nobody (see deskIdentity).
    if (auth) await this.refreshIdentity(settings, hubUrl, auth);
    else this.identityProblem = null;
    await this.start(hubUrl, auth);
    return this.status();
  }

  /**
   * Reads who the hub says this user is and remembers it. Out of reach, the remembered identity
   * (or, before the first contact, the least role) stays in force; a refusal is kept for `status`.
   */
  async refreshIdentity(settings: SettingsService, hubUrl: string, auth: HubAuth | null): Promise<void> {
    try {
      const hub = new HubClient(parseHubUrl(hubUrl).dbUrl, auth);
      settings.rememberHubIdentity(await readHubIdentity(hub, hubUrl, settings.get().hubUser));
    } catch (e) {
      if (e instanceof HubUnreachableError) return;
      this.identityProblem = e instanceof NewsdeskError ? e.message : describeHubFailure(e);
      return;
    }
    this.identityProblem = null;
  }

  /** 测试连接: can this user reach this hub's database? Says why not in words. */
  async test(hubUrl: string, user: string, password: string | null): Promise<{ ok: boolean; message: string }> {
    try {
      const parsed = parseHubUrl(hubUrl);
      const auth = user ? { user, password: password ?? (await this.secret.read()) ?? '' } : null;
      const result = await testHub(new HubClient(parsed.dbUrl, auth));
      return result.ok ? { ok: true, message: result.db } : { ok: false, message: result.reason };
    } catch (e) {
      return { ok: false, message: describeHubFailure(e) };
    }
  }

  async stop(): Promise<void> {
    const r = this.replicator;
    this.replicator = null;
    await r?.stop();
  }

  /**
   * Settles a conflict with the merged story: one local write holding the merged child and a
   * tombstone on every other leaf, which the next push sends in one `_bulk_docs`.
   */
  async resolve(id: string, baseRevision: number, content: ArticleContent, actor: string): Promise<Article> {
    const stored = await this.store.writeSynced(id, (current) => {
      if (!current) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
      if (current.revision !== baseRevision) {
        throw new NewsdeskError('conflict', `稿件已更新到第 ${current.revision} 版，请重新合并。`, {
          currentRevision: current.revision,
          current: articleOnly(current),
        });
      }
      const merged = ArticleSchema.parse({
        ...articleOnly(current),
        ...content,
        revision: current.revision + 1,
        updatedAt: this.now().toISOString(),
        updatedBy: actor,
      });
      const resolved = resolveConflict(current, merged);
      this.checkResolution?.(current, resolved);
      return { stored: resolved, notify: true, local: true };
    });
    return articleOnly(stored!);
  }

  async status(): Promise<SyncStatus> {
    const status = this.replicator ? await this.replicator.status() : SYNC_OFF;
    // The hub refused to say who this user is: the desk works under the least role, and says why.
    if (this.identityProblem && status.state !== 'off')
      return { ...status, state: 'error', message: this.identityProblem };
    return status;
  }
}
