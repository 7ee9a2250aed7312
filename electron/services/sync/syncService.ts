/**
 * Sync for one data folder: the change log is kept from the first save (so edits made before a
 * hub is configured still reach it), and a replicator runs only once a hub is configured.
 */
import { join } from 'node:path';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { ArticleSchema, type Article, type ArticleContent } from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import { resolveConflict } from '../revisionTree/articleDoc';
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../assetStore';
import type { IssueStore } from '../issueStore';
import type { StylebookStore } from '../stylebook/stylebookStore';
import { ChangeLog } from './changeLog';
import { storeUuid } from './checkpoints';
import { HubClient, HubUnreachableError, hubOrigin, parseHubUrl, type HubAuth } from './hubClient';
import { readHubIdentity } from './hubSession';
import { adoptLocalWork } from './adoptLocalWork';
import { describeHubFailure, testHub } from './hubAdmin';
import { envHubSecret, type HubSecret } from './hubSecret';
import type { SettingsService } from '../settingsService';
import { Replicator } from './replicator';
import { takeHubVersion } from './discardRefused';
import type { Refusal } from './refusalLedger';
import type { SetAside } from './setAsideLedger';
import type { SyncStatus } from '../../../shared/ipc/events';

export const SYNC_OFF: SyncStatus = { state: 'off', pending: 0, conflicts: 0, refused: 0 };

function passwordAgain(): NewsdeskError {
  return new NewsdeskError('validation', '这不是保存密码时的中心库地址：请为它重新输入密码。', { path: 'password' });
}

export class SyncService {
  private replicator: Replicator | null = null;
  /** The replicator of the last one-shot sync, whose refusals and set-aside revisions stay listed. */
  private lastOnce: Replicator | null = null;
  private listeners: ((s: SyncStatus) => void)[] = [];
  /** The latest (re)start from settings; status and one-shot syncs wait for it, so they see what runs. */
  private starting: Promise<unknown> = Promise.resolve();
  /** The hub's rule run on a resolution before it is written (set when the services open). */
  checkResolution: ((before: StoredArticle, resolved: StoredArticle) => void) | null = null;
  /** The style book, synced beside the stories when set (openServices sets it). */
  stylebook: StylebookStore | null = null;
  /** The merged story as the desk writes it (a text change after sign-off reopens it, as any edit does). */
  settleResolution: ((before: Article, merged: Article) => Article) | null = null;
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
    private readonly issues: IssueStore | null,
  ) {}

  static async open(
    dataDir: string,
    store: ArticleStore,
    assets: AssetStore,
    now: () => Date = () => new Date(),
    secret: HubSecret = envHubSecret(),
    issues: IssueStore | null = null,
  ): Promise<SyncService> {
    const syncDir = join(dataDir, 'sync');
    const storeId = await storeUuid(syncDir);
    const log = await ChangeLog.open(syncDir);
    store.onLocalChange((ids) => log.recordMany(ids));
    issues?.onLocalChange((ids) => log.recordMany(ids));
    return new SyncService(syncDir, storeId, log, store, assets, now, secret, issues);
  }

  /** A replicator for `hubUrl` with `auth` (a hub URL never carries credentials). */
  replicatorFor(
    hubUrl: string,
    auth: HubAuth | null,
    opts: { batchSize?: number; longpollMs?: number; onBackOnline?: () => Promise<void> } = {},
  ) {
    const parsed = parseHubUrl(hubUrl);
    return new Replicator({
      store: this.store,
      issues: this.issues ?? undefined,
      stylebook: this.stylebook ?? undefined,
      assets: this.assets,
      log: this.log,
      hub: new HubClient(parsed.dbUrl, auth),
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
  async start(
    hubUrl: string,
    auth: HubAuth | null,
    opts: { longpollMs?: number; onBackOnline?: () => Promise<void> } = {},
  ): Promise<void> {
    await this.stop();
    this.replicator = this.replicatorFor(hubUrl, auth, opts);
    this.replicator.start();
  }

  /** Starts sync if settings name a hub; the password comes from the secret store, never settings. */
  startFromSettings(settings: SettingsService): Promise<SyncStatus> {
    const run = this.starting.then(async () => {
      const { hubUrl, hubUser } = settings.get();
      if (!hubUrl) {
        await this.stop();
        return;
      }
      const password = await this.savedPasswordFor(hubUrl, hubUrl);
      const auth = hubUser ? { user: hubUser, password: password ?? '' } : null;
      // Without an account the hub identifies nobody (see deskIdentity).
      if (auth) await this.refreshIdentity(settings, hubUrl, auth);
      else this.identityProblem = null;
      // A desk started out of reach asks again once the hub answers: the role, and its person's earlier work.
      await this.start(hubUrl, auth, auth ? { onBackOnline: () => this.refreshIdentity(settings, hubUrl, auth) } : {});
    });
    this.starting = run.catch(() => undefined);
    return run.then(() => this.status());
  }

  /**
   * One push and pull (`newsdesk sync --once`) as the only sync of this process: a continuous
   * sync started from settings is stopped first, since two would race for one checkpoint.
   */
  async runOnce(hubUrl: string, auth: HubAuth | null) {
    await this.starting;
    await this.stop();
    const replicator = this.replicatorFor(hubUrl, auth);
    this.replicator = replicator;
    this.lastOnce = replicator;
    try {
      return await replicator.runOnce();
    } finally {
      if (this.replicator === replicator) this.replicator = null;
    }
  }

  /** Stories the hub refuses, with its reasons; empty while no hub is configured. */
  async refused(): Promise<Refusal[]> {
    await this.starting;
    const r = this.replicator ?? this.lastOnce;
    return r ? r.refusals.list() : [];
  }

  /** Revisions from the hub kept aside because this version cannot read them. */
  async setAside(): Promise<SetAside[]> {
    await this.starting;
    const r = this.replicator ?? this.lastOnce;
    return r ? r.setAside.list() : [];
  }

  /** 放弃本机修改: a refused story becomes the hub's version again. */
  async discardRefused(id: string): Promise<Article> {
    await this.starting;
    const r = this.replicator ?? this.lastOnce;
    if (!r) throw new NewsdeskError('validation', '未配置中心库：没有可取回的版本。');
    const article = await takeHubVersion(
      { hub: r.hub, store: this.store, assets: this.assets, refusals: r.refusals },
      id,
    ).catch((e: unknown) => {
      if (e instanceof NewsdeskError) throw e;
      throw new NewsdeskError('io', describeHubFailure(e));
    });
    r.schedulePush();
    return article;
  }

  /**
   * The saved password, only for the origin it was typed for (one from the environment: for the
   * hub configured before this call). Any other URL gets nothing: a password goes only to its hub.
   */
  async savedPasswordFor(hubUrl: string, configuredHubUrl: string): Promise<string | null> {
    const saved = await this.secret.read();
    if (!saved) return null;
    const target = hubOrigin(hubUrl);
    return target !== null && target === (saved.origin ?? hubOrigin(configuredHubUrl)) ? saved.password : null;
  }

  /** Saves the hub (a typed password bound to its origin) and (re)starts sync; a new hub needs the password again. */
  async configure(
    settings: SettingsService,
    hub: { hubUrl: string; hubUser: string; password?: string },
  ): Promise<SyncStatus> {
    const configured = settings.get().hubUrl;
    if (hub.hubUrl && hub.password !== undefined) {
      parseHubUrl(hub.hubUrl);
      await this.secret.write(hub.password, hubOrigin(hub.hubUrl)!);
    } else if (hub.hubUrl && hub.hubUser && (await this.secret.read())) {
      if ((await this.savedPasswordFor(hub.hubUrl, configured)) === null) throw passwordAgain();
    }
    settings.update({ hubUrl: hub.hubUrl, hubUser: hub.hubUser });
    return this.startFromSettings(settings);
  }

  /**
   * Reads who the hub says this user is and remembers it. Out of reach, the remembered identity
   * (or, before the first contact, the least role) stays in force; a refusal is kept for `status`.
   */
  async refreshIdentity(settings: SettingsService, hubUrl: string, auth: HubAuth | null): Promise<void> {
    try {
      const hub = new HubClient(parseHubUrl(hubUrl).dbUrl, auth);
      const identity = await readHubIdentity(hub, hubUrl, settings.get().hubUser);
      settings.rememberHubIdentity(identity);
      // What the person wrote here under the name in settings, before the hub named her, becomes hers on the hub.
      // Tried again at every start until it has run: a failure here says nothing about the identity.
      await adoptLocalWork(this.store, hub, settings.get().userName, identity.name, new Date()).catch((e: unknown) => {
        if (!(e instanceof HubUnreachableError)) console.error('[newsdesk] signing work written before the hub:', e);
      });
    } catch (e) {
      if (e instanceof HubUnreachableError) return;
      this.identityProblem = e instanceof NewsdeskError ? e.message : describeHubFailure(e);
      return;
    }
    this.identityProblem = null;
  }

  /** 测试连接: can this user reach this hub's database? Says why not in words. */
  async test(
    hubUrl: string,
    user: string,
    password: string | null,
    configuredHubUrl: string,
  ): Promise<{ ok: boolean; message: string }> {
    try {
      const parsed = parseHubUrl(hubUrl);
      let typed = password;
      if (user && typed === null && (await this.secret.read())) {
        typed = await this.savedPasswordFor(hubUrl, configuredHubUrl);
        if (typed === null) return { ok: false, message: passwordAgain().message };
      }
      const auth = user ? { user, password: typed ?? '' } : null;
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
      const parsed = ArticleSchema.parse({
        ...articleOnly(current),
        ...content,
        revision: current.revision + 1,
        updatedAt: this.now().toISOString(),
        updatedBy: actor,
      });
      const merged = this.settleResolution ? this.settleResolution(articleOnly(current), parsed) : parsed;
      const resolved = resolveConflict(current, merged);
      this.checkResolution?.(current, resolved);
      return { stored: resolved, notify: true, local: true };
    });
    return articleOnly(stored!);
  }

  async status(): Promise<SyncStatus> {
    await this.starting;
    const status = this.replicator ? await this.replicator.status() : SYNC_OFF;
    // The hub refused to say who this user is: the desk works under the least role, and says why.
    if (this.identityProblem && status.state !== 'off')
      return { ...status, state: 'error', message: this.identityProblem, passwordStorage: this.secret.storage };
    return { ...status, passwordStorage: this.secret.storage };
  }
}
