/** One line of a story's revision journal: who saved which revision when, and whether it is a milestone. */
import { z } from 'zod';
import { StatusSchema } from './status';

export const RevisionMetaSchema = z.object({
  revision: z.number().int(),
  status: StatusSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** The revision at which the story entered submitted/edited/approved: never pruned. */
  milestone: z.boolean(),
});
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;
