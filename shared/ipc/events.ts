/**
 * Events main pushes without a request (a story saved elsewhere; later plans and sync status),
 * declared with schemas like the channels so both sides share one type.
 */
import { z } from 'zod';
import { ArticleIdSchema } from '../model/article';

export const ArticleSavedEventSchema = z.object({
  event: z.literal('article.saved'),
  id: ArticleIdSchema,
  revision: z.number().int().min(1),
  updatedBy: z.string(),
});

/** Sync with the newsroom hub (issue 14), for the top bar's indicator. */
export const SyncStatusSchema = z.object({
  state: z.enum(['off', 'synced', 'syncing', 'offline', 'conflict', 'error']),
  /** Stories changed here and not yet on the hub. */
  pending: z.number().int().min(0),
  /** Stories with more than one live leaf. */
  conflicts: z.number().int().min(0),
  /** For `error`: why, in the hub's or our words; never credentials. */
  message: z.string().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncStatusEventSchema = SyncStatusSchema.extend({ event: z.literal('sync.status') });

/** Every event main can push; add a schema here and both sides see the new member. */
export const NewsdeskEventSchema = z.discriminatedUnion('event', [ArticleSavedEventSchema, SyncStatusEventSchema]);

export type NewsdeskEvent = z.infer<typeof NewsdeskEventSchema>;
export type EventName = NewsdeskEvent['event'];
export type EventOf<E extends EventName> = Extract<NewsdeskEvent, { event: E }>;
