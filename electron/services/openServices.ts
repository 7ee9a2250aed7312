/** Opens everything one data folder needs, for the Electron app, the browser host and the CLI alike. */
import { mkdir } from 'node:fs/promises';
import { ArticleStore } from './articleStore';
import { AssetStore } from './assetStore';
import { RevisionStore } from './revisionStore';
import { SearchService } from './search/searchService';
import { IssueStore } from './issueStore';
import type { SettingsService } from './settingsService';
import { SyncService } from './sync/syncService';
import type { HubSecret } from './sync/hubSecret';

export interface Services {
  dataDir: string;
  version: string;
  /** Folder with the fixture stories the sample issue is built from, if this build ships them. */
  sampleDir: string | null;
  articles: ArticleStore;
  issues: IssueStore;
  assets: AssetStore;
  revisions: RevisionStore;
  search: SearchService;
  settings: SettingsService;
  /** Replication with the newsroom hub (issue 14); idle until a hub is configured. */
  sync: SyncService;
  /** Flushes the index and marks the session closed cleanly. */
  close(): Promise<void>;
}

export interface OpenServicesOptions {
  dataDir: string;
  settings: SettingsService;
  version: string;
  sampleDir?: string | null;
  now?: () => Date;
  /** Where the hub password is kept; the environment (NEWSDESK_HUB_PASSWORD) unless the app gives safeStorage. */
  hubSecret?: HubSecret;
}

export async function openServices(opts: OpenServicesOptions): Promise<Services> {
  await mkdir(opts.dataDir, { recursive: true });
  const articles = await ArticleStore.open({ dataDir: opts.dataDir, now: opts.now });
  const issues = new IssueStore(opts.dataDir, opts.now);
  const revisions = new RevisionStore(opts.dataDir);
  articles.onWrite((a, previous) => revisions.record(a, previous));
  await issues.init();
  const assets = new AssetStore(opts.dataDir);
  const sync = await SyncService.open(opts.dataDir, articles, assets, opts.now, opts.hubSecret);
  return {
    dataDir: opts.dataDir,
    version: opts.version,
    sampleDir: opts.sampleDir ?? null,
    articles,
    issues,
    assets,
    revisions,
    search: new SearchService(articles),
    settings: opts.settings,
    sync,
    close: async () => {
      await sync.stop();
      await articles.close();
    },
  };
}
