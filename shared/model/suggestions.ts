/** Track changes (留痕) and comments (批注): the article's change table and comment threads. */
import { z } from 'zod';
import { ChangeIdSchema } from './document';
import { RoleSchema } from './status';

/** `replace` is one change that strikes old words and puts new ones beside them: accepting keeps the new, rejecting the old. */
export const CHANGE_KINDS = ['insert', 'delete', 'split', 'join', 'replace'] as const;
export const ChangeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** One suggestion: who proposed it, in which desk role, and when. Its text lives on the body's leaves. */
export const ChangeRecordSchema = z.object({
  id: ChangeIdSchema,
  kind: ChangeKindSchema,
  author: z.string().max(40),
  role: RoleSchema,
  /** ISO time the suggestion was made. */
  at: z.string().max(40),
  /** Changes made by one act (a replace-all, a lint accept-all) share a group, so they are reviewed together. */
  group: ChangeIdSchema.optional(),
});
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

export const CommentReplySchema = z.object({
  id: ChangeIdSchema,
  author: z.string().max(40),
  at: z.string().max(40),
  text: z.string().max(4000),
});
export type CommentReply = z.infer<typeof CommentReplySchema>;

/** A comment thread; `quote` keeps the commented words so a thread whose text was deleted still says what it was about. */
export const CommentThreadSchema = z.object({
  id: ChangeIdSchema,
  author: z.string().max(40),
  role: RoleSchema,
  at: z.string().max(40),
  text: z.string().max(4000),
  quote: z.string().max(400),
  resolved: z.boolean(),
  replies: z.array(CommentReplySchema).max(500),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;
