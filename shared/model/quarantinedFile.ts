/** A store file that could not be read, set aside with the reason and when. */
import { z } from 'zod';

export const QuarantinedFileSchema = z.object({
  file: z.string(),
  reason: z.string(),
  at: z.string(),
});
export type QuarantinedFile = z.infer<typeof QuarantinedFileSchema>;
