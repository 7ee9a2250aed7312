/** One line of a story's revision journal: who saved which revision when, and whether it is a milestone or the end of a sitting. */
import { z } from 'zod';
import { StatusSchema } from './status';

export const RevisionMetaSchema = z.object({
  revision: z.number().int(),
  status: StatusSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** The revision at which the story entered submitted/edited/approved: never pruned. */
  milestone: z.boolean(),
  /**
   * The person left the story after this save (closed the story screen): the next save starts a new
   * revision group. Local history only; absent on lines written before it existed, read as false.
   */
  endsSitting: z.boolean().optional(),
});
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;
