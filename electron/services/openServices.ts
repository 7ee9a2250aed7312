/** Opens everything one data folder needs, for the Electron app, the browser host and the CLI alike. */
import { mkdir } from 'node:fs/promises';
import { ArticleStore } from './store/articleStore';
import { CopyBatches } from './copyBatchImport';
import { AssetStore } from './assetStore';
import { RevisionStore } from './revisionStore';
import { SearchService } from './search/searchService';
import { IssueStore } from './issueStore';
import { cleanTempFiles } from './storeCleanup';
import { WorkerPool } from './workerPool';
import type { SettingsService } from './settingsService';
import { ChromiumProofPrinter } from './export/chromiumProofPrinter';
import { ExportService } from './export/exportService';
import type { ProofPrinter } from './export/proofPrinter';
import { SlotFitStore } from './pageplan/slotFitStore';
import { SyncService } from './sync/syncService';
import { checkEditForHub, checkResolutionForHub, settleResolution } from './sync/hubWriteCheck';
import type { HubSecret } from './sync/hubSecret';
import { StylebookStore } from './stylebook/stylebookStore';
import { LintMemoryStore } from './stylebook/lintMemoryStore';

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
  /** Raw-copy imports of many files, with progress and cancel. */
  imports: CopyBatches;
  settings: SettingsService;
  /** Threads for long pure work (copy parsing), off the thread serving saves. */
  workers: WorkerPool;
  exports: ExportService;
  /** Slot fits measured from the real layout (export pass, live proof), read by the flatplan and the gate. */
  slotFits: SlotFitStore;
  /** Replication with the newsroom hub; idle until a hub is configured. */
  sync: SyncService;
  /** The paper's style book (本报用语规范), synced through the hub beside the stories. */
  stylebook: StylebookStore;
  /** Per story: findings dismissed and words kept as written on this desk. */
  lintMemory: LintMemoryStore;
  /** Why this process may only read the store (another process owns it, or the disk is full); null when it may write. */
  readOnly: { code: 'read_only' | 'disk_full'; message: string } | null;
  /** Flushes the index and marks the session closed cleanly. */
  close(): Promise<void>;
}

export interface OpenServicesOptions {
  dataDir: string;
  settings: SettingsService;
  version: string;
  sampleDir?: string | null;
  now?: () => Date;
  /** Prints export proofs; the Electron app passes webContents.printToPDF, everything else gets headless Chromium. */
  proofPrinter?: ProofPrinter;
  /** Where the hub password is kept; the environment (NEWSDESK_HUB_PASSWORD) unless the app gives safeStorage. */
  hubSecret?: HubSecret;
}

export interface ServicesAccess {
  /** Set when this process may only read (another process owns the store, or the disk is full). */
  readOnly?: { code: 'read_only' | 'disk_full'; message: string };
}

export async function openServices(opts: OpenServicesOptions & ServicesAccess): Promise<Services> {
  const readOnly = opts.readOnly;
  if (!readOnly) await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const articles = await ArticleStore.open({ dataDir: opts.dataDir, now: opts.now, readOnly });
  const issues = new IssueStore(opts.dataDir, opts.now);
  const revisions = new RevisionStore(opts.dataDir, undefined, articles.packs);
  // History first: a save is acknowledged only once its revision is as durable as the story.
  articles.beforeWrite((items) => revisions.recordBatch(items), {
    meta: (item) => revisions.packMeta(item),
    after: (items) => revisions.afterPack(items),
  });
  articles.checkEdits((before, after, deleted) => checkEditForHub(opts.settings.get(), before, after, deleted));
  if (!readOnly) {
    await cleanTempFiles(opts.dataDir, { revisionFolders: articles.uncleanBefore });
    await issues.init();
  }
  const workers = new WorkerPool();
  const search = new SearchService(articles, opts.dataDir);
  let chromiumPrinter: ChromiumProofPrinter | null = null;
  const printer = () => opts.proofPrinter ?? (chromiumPrinter ??= new ChromiumProofPrinter());
  const slotFits = new SlotFitStore(opts.dataDir, !!readOnly);
  const exports = new ExportService({
    fits: slotFits,
    dataDir: opts.dataDir,
    version: opts.version,
    articles,
    issues,
    settings: opts.settings,
    printer,
  });
  const assets = new AssetStore(opts.dataDir);
  const stylebook = new StylebookStore(opts.dataDir);
  const sync = await SyncService.open(opts.dataDir, articles, assets, opts.now, opts.hubSecret, issues);
  sync.stylebook = stylebook;
  sync.checkResolution = (before, resolved) => checkResolutionForHub(opts.settings.get(), before, resolved);
  sync.settleResolution = (before, merged) => settleResolution(opts.settings.get(), before, merged);
  return {
    dataDir: opts.dataDir,
    version: opts.version,
    sampleDir: opts.sampleDir ?? null,
    articles,
    issues,
    assets,
    revisions,
    search,
    imports: new CopyBatches(),
    settings: opts.settings,
    workers,
    exports,
    slotFits,
    sync,
    stylebook,
    lintMemory: new LintMemoryStore(opts.dataDir),
    readOnly: readOnly ?? null,
    close: async () => {
      await sync.stop();
      await exports.close();
      await chromiumPrinter?.close();
      await search.close();
      await workers.close();
      await articles.close();
    },
  };
}
