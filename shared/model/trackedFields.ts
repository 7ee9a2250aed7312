/** Track changes (留痕) on the article's header fields: the text fields and credits as runs with suggestion ids. */
import { z } from 'zod';
import { ChangeIdSchema } from './document';
import { BylineSchema, CorrespondentSchema } from './people';

/** The one-line and free-text header fields that take suggestions, in the order screens show them. */
export const TRACKED_TEXT_FIELDS = ['kicker', 'headline', 'subheadline', 'source', 'deskNote'] as const;
export type TrackedTextField = (typeof TRACKED_TEXT_FIELDS)[number];

export const TRACKED_CREDIT_FIELDS = ['bylines', 'correspondents'] as const;
export type TrackedCreditField = (typeof TRACKED_CREDIT_FIELDS)[number];

/** A piece of a field's text: plain, suggested for insertion (ins) or for deletion (del), as the body's leaves. */
export const TrackedRunSchema = z.object({
  text: z.string().max(4000),
  ins: ChangeIdSchema.optional(),
  del: ChangeIdSchema.optional(),
});
export type TrackedRun = z.infer<typeof TrackedRunSchema>;

const tracked = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ value, ins: ChangeIdSchema.optional(), del: ChangeIdSchema.optional() });

export const TrackedBylineSchema = tracked(BylineSchema);
export const TrackedCorrespondentSchema = tracked(CorrespondentSchema);
/** One credit in a list with its suggestion: an added credit carries ins, a removed one del, a changed one both (old del, new ins, one id). */
export interface TrackedItem<T> {
  value: T;
  ins?: string;
  del?: string;
}

/**
 * Only fields with pending suggestions appear. The plain field on the article holds the text as it
 * reads with every suggestion accepted, so readers that know nothing of suggestions see the current copy.
 */
export const TrackedFieldsSchema = z.object({
  kicker: z.array(TrackedRunSchema).max(2000).optional(),
  headline: z.array(TrackedRunSchema).max(2000).optional(),
  subheadline: z.array(TrackedRunSchema).max(2000).optional(),
  source: z.array(TrackedRunSchema).max(2000).optional(),
  deskNote: z.array(TrackedRunSchema).max(8000).optional(),
  bylines: z.array(TrackedBylineSchema).max(60).optional(),
  correspondents: z.array(TrackedCorrespondentSchema).max(60).optional(),
});
export type TrackedFields = z.infer<typeof TrackedFieldsSchema>;
