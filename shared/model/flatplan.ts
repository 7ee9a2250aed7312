/** The flatplan as it crosses IPC: one row per slot, its story, fill against target and problems. */
import { z } from 'zod';
import { StatusSchema } from './status';

export const PLAN_PROBLEM_CODES = [
  'overset',
  'underset',
  'not_approved',
  'credit',
  'photos',
  'missing',
  'empty',
] as const;
export const PlanProblemSchema = z.enum(PLAN_PROBLEM_CODES);
export type PlanProblem = z.infer<typeof PlanProblemSchema>;

export const FlatplanRowSchema = z.object({
  page: z.string(),
  section: z.string(),
  slotId: z.string(),
  articleId: z.string().nullable(),
  kicker: z.string(),
  headline: z.string(),
  status: StatusSchema.nullable(),
  /** 1 or 2 for a story that jumps (转版), else null. */
  part: z.union([z.literal(1), z.literal(2)]).nullable(),
  jumpLine: z.string().nullable(),
  targetChars: z.number().int(),
  targetLines: z.number().int(),
  actualChars: z.number().int(),
  actualLines: z.number().int(),
  /** The lines come from the real layout (the proof as printed); false: estimated from 字数 (估算). */
  measured: z.boolean(),
  photos: z.object({ slot: z.number().int(), story: z.number().int() }),
  problems: z.array(PlanProblemSchema),
});
export type FlatplanRow = z.infer<typeof FlatplanRowSchema>;
