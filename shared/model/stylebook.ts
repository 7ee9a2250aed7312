/** The paper's own style book (本报用语规范): entries wrong → right, kept as one document in the store and on the hub. */
import { z } from 'zod';

/** 必改: the form is wrong in this paper; 建议: the right form is preferred, the other may stand. */
export const StylebookSeveritySchema = z.enum(['must', 'suggest']);
export type StylebookSeverity = z.infer<typeof StylebookSeveritySchema>;

/**
 * `substring`: matched anywhere (what most Chinese entries want: 其它 → 其他 inside 其它国家).
 * `word`: matched only where the characters either side are not of the same kind as the term's
 * ends (no letter or digit beside a Latin term, no Han character beside a Han term), since
 * Chinese has no spaces: for CPU in "CPU占用" but not in "CPUs", or a Han term standing alone.
 */
export const StylebookScopeSchema = z.enum(['word', 'substring']);
export type StylebookScope = z.infer<typeof StylebookScopeSchema>;

const Term = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => !/[\n\r\t]/.test(s), 'no line breaks or tabs');

export const StylebookEntrySchema = z.object({
  wrong: Term,
  right: z.string().trim().max(40),
  reason: z.string().trim().max(200),
  severity: StylebookSeveritySchema,
  scope: StylebookScopeSchema,
  /** Longer phrases holding the wrong form that stay as written (an entry 想像 → 想象 keeps 《想像的共同体》). */
  exceptions: z.array(Term).max(50),
});
export type StylebookEntry = z.infer<typeof StylebookEntrySchema>;

export const STYLEBOOK_MAX_ENTRIES = 20_000;

export const StylebookSchema = z
  .object({
    entries: z.array(StylebookEntrySchema).max(STYLEBOOK_MAX_ENTRIES),
    /** Names and quoted titles every check leaves as written (鍾漢良, 《乾隆皇帝》): the paper-wide exemptions. */
    keep: z.array(Term).max(5_000),
    updatedAt: z.string().max(40),
    updatedBy: z.string().max(64),
  })
  .superRefine((book, ctx) => {
    const seen = new Set<string>();
    book.entries.forEach((e, i) => {
      if (seen.has(e.wrong))
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'wrong'], message: `“${e.wrong}”重复` });
      seen.add(e.wrong);
      if (e.right === e.wrong)
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'right'], message: '正确写法与错误写法相同' });
    });
  });
export type Stylebook = z.infer<typeof StylebookSchema>;

export const EMPTY_STYLEBOOK: Stylebook = { entries: [], keep: [], updatedAt: '', updatedBy: '' };

/** What a desk remembers for one story: findings dismissed (by their key) and words kept as written there. */
export const StoryLintMemorySchema = z.object({
  dismissed: z.array(z.string().max(400)).max(5_000),
  keep: z.array(Term).max(500),
});
export type StoryLintMemory = z.infer<typeof StoryLintMemorySchema>;
