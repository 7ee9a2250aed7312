/** One day's paper (期): its pages and the slots stories are placed in. */
import { z } from 'zod';
import { ArticleIdSchema } from './article';

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30). */
export const IssueDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '没有这一天');

export const IssueIdSchema = z.string().regex(/^i-\d{4}-\d{2}-\d{2}(-[a-z0-9]{1,12})?$/, 'not an issue id');

export const HEADLINE_SIZES = ['none', 'small', 'medium', 'large', 'banner'] as const;
export const HeadlineSizeSchema = z.enum(HEADLINE_SIZES);
export type HeadlineSize = z.infer<typeof HeadlineSizeSchema>;

/**
 * A region of a page a story is placed in. Position and size are in the page grid: columns from the
 * left of the type area, lines of body type from its top. Older plans carry only id and target; the
 * page plan gives such slots a default region (see slotRegion).
 */
export const SlotSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  /** The 字数 the layout reserves for the story: computed from the region unless set by hand. */
  targetChars: z.number().int().min(0).max(100_000),
  /** True when an editor typed the target; otherwise it follows the region and the type. */
  targetManual: z.boolean().optional(),
  articleId: ArticleIdSchema.optional(),
  col: z.number().int().min(0).max(19).optional(),
  cols: z.number().int().min(1).max(20).optional(),
  line: z.number().int().min(0).max(400).optional(),
  lines: z.number().int().min(1).max(400).optional(),
  photos: z.number().int().min(0).max(6).optional(),
  headline: HeadlineSizeSchema.optional(),
});
export type Slot = z.infer<typeof SlotSchema>;

export const PageSchema = z.object({
  /** Printed page label, e.g. A01. */
  label: z.string().regex(/^[A-Z]?\d{1,3}$/, 'page label like A01'),
  /** Section, e.g. 要闻. */
  section: z.string().trim().max(20),
  slots: z.array(SlotSchema).max(40),
});
export type Page = z.infer<typeof PageSchema>;

export const IssueContentSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** 期号: the running issue number printed in the masthead. */
  number: z.number().int().min(1).max(1_000_000),
  pages: z.array(PageSchema).max(64),
});
export type IssueContent = z.infer<typeof IssueContentSchema>;

export const IssueSchema = IssueContentSchema.extend({
  id: IssueIdSchema,
  revision: z.number().int().min(1),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Issue = z.infer<typeof IssueSchema>;

export function issueIdForDate(date: string): string {
  return `i-${date}`;
}
