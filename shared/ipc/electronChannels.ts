/**
 * Names of the Electron IPC channels the contract is bound to, shared by main and preload.
 * The preload keeps its own list of names (checked against the contract at compile time and
 * in a test) so the sandboxed preload bundle does not carry every zod schema.
 */
import type { Channel } from './contract';

export const PRELOAD_CHANNELS = [
  'app.info',
  'articles.list',
  'articles.get',
  'articles.create',
  'articles.save',
  'articles.spike',
  'articles.restore',
  'articles.transition',
  'search.query',
  'assets.import',
  'revisions.list',
  'revisions.get',
  'revisions.restore',
  'revisions.markSitting',
  'copy.parse',
  'copy.import',
  'issues.list',
  'issues.get',
  'issues.create',
  'issues.save',
  'settings.get',
  'settings.update',
  'store.health',
  'sample.load',
  'articles.facets',
  'copy.importMany',
  'copy.importCancel',
  'pageplan.createIssue',
  'pageplan.place',
  'pageplan.unplace',
  'pageplan.move',
  'pageplan.reorder',
  'pageplan.shape',
  'pageplan.flatplan',
  'pageplan.recordFits',
  'pageplan.templates',
  'pageplan.saveTemplate',
  'pageplan.pageTemplates',
  'pageplan.savePageTemplate',
  'pageplan.applyPageTemplate',
  'export.issue',
  'sync.status',
  'sync.configure',
  'sync.test',
  'sync.conflict',
  'sync.resolve',
  'sync.problems',
  'sync.discard',
  'sync.deleted',
  'sync.planConflict',
  'sync.resolvePlan',
  'store.access',
  'stylebook.get',
  'stylebook.save',
  'lint.memory',
  'lint.dismiss',
  'lint.keep',
] as const satisfies readonly Channel[];

/** Fails to compile when the contract gains a channel this list lacks. */
type Missing = Exclude<Channel, (typeof PRELOAD_CHANNELS)[number]>;
export const preloadCoversContract: [Missing] extends [never] ? true : Missing = true;

export const ipcChannelName = (channel: Channel): string => `newsdesk:${channel}`;
export const EVENT_CHANNEL = 'newsdesk:event';
/** Not a contract channel: the desktop app opens the folder of the last export (electron/app/revealExport). */
export const REVEAL_EXPORT_CHANNEL = 'newsdesk:reveal-export';
