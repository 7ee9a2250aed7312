/**
 * Events main pushes without a request (a story saved elsewhere; later plans and sync status),
 * declared with schemas like the channels so both sides share one type.
 */
import { z } from 'zod';
import { ArticleIdSchema } from '../model/article';
import { IssueIdSchema } from '../model/issue';
import { ExportProgressEventSchema } from '../export/exportRequest';

export const ArticleSavedEventSchema = z.object({
  event: z.literal('article.saved'),
  id: ArticleIdSchema,
  revision: z.number().int().min(1),
  updatedBy: z.string(),
});

/** Desk at scale: one raw-copy file of a `copy.importMany` batch handled. */
export const ImportProgressEventSchema = z.object({
  event: z.literal('import.progress'),
  batchId: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  name: z.string(),
});
/** A day's plan was saved (placing, moving, a new issue): the flatplan and desk refresh. */
export const IssueSavedEventSchema = z.object({
  event: z.literal('issue.saved'),
  id: IssueIdSchema,
  date: z.string(),
  revision: z.number().int().min(1),
  updatedBy: z.string(),
});

/** Every event main can push; add a schema here and both sides see the new member. */
/** Sync with the newsroom hub, for the top bar's indicator. */
export const SyncStatusSchema = z.object({
  state: z.enum(['off', 'synced', 'syncing', 'offline', 'conflict', 'refused', 'error']),
  /** Stories changed here and not yet on the hub. */
  pending: z.number().int().min(0),
  /** Stories with more than one live leaf. */
  conflicts: z.number().int().min(0),
  /** Stories the hub refused (counted in `pending` too): each stays marked 被拒 until it passes or is discarded. */
  refused: z.number().int().min(0),
  /** For `error` and `refused`: why, in the hub's or our words; never credentials. */
  message: z.string().optional(),
  /**
   * How a saved hub password is kept: the OS keychain, `basic-text` (Electron's Linux fallback
   * with a key written in its source: not protected), or only in this process's memory.
   */
  passwordStorage: z.enum(['keychain', 'basic-text', 'memory']).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncStatusEventSchema = SyncStatusSchema.extend({ event: z.literal('sync.status') });

/**
 * The store's check of every article file at open, which runs after the desk first lists,
 * changed the listing: stories re-read because their file changed behind the index, rows whose file is
 * gone, and unreadable files moved to quarantine (as named there). The desk and story pool reload.
 */
export const ArticlesCheckedEventSchema = z.object({
  event: z.literal('articles.checked'),
  changed: z.array(ArticleIdSchema),
  removed: z.array(ArticleIdSchema),
  quarantined: z.array(z.string()),
});

/** The style book changed (an edit here, or one pulled from the hub): check panels re-read it without a restart. */
export const StylebookSavedEventSchema = z.object({
  event: z.literal('stylebook.saved'),
  updatedAt: z.string(),
  updatedBy: z.string(),
  entries: z.number().int().min(0),
});

/** Every event main can push; add a schema here and both sides see the new member. */
export const NewsdeskEventSchema = z.discriminatedUnion('event', [
  ArticleSavedEventSchema,
  ImportProgressEventSchema,
  IssueSavedEventSchema,
  ExportProgressEventSchema,
  SyncStatusEventSchema,
  ArticlesCheckedEventSchema,
  StylebookSavedEventSchema,
]);

export type NewsdeskEvent = z.infer<typeof NewsdeskEventSchema>;
export type EventName = NewsdeskEvent['event'];
export type EventOf<E extends EventName> = Extract<NewsdeskEvent, { event: E }>;
