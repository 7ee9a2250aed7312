/** Where an export failed, as data: the step and the story, photo or file, so the UI can say what failed and what to do. */
import { z } from 'zod';

export const EXPORT_FAILURE_STEPS = [
  /** Reading a photo's file from the store for the package. */
  'photo',
  /** Building one story's files (NITF, DOCX, ICML, text, JSON). */
  'story',
  /** Printing the PDF proof. */
  'proof',
  /** Writing the zip into its folder. */
  'zip',
] as const;

export const ExportFailureSchema = z.object({
  step: z.enum(EXPORT_FAILURE_STEPS),
  articleId: z.string().optional(),
  headline: z.string().optional(),
  /** The page the story starts on. */
  page: z.string().optional(),
  /** 1-based photo number in the story. */
  photo: z.number().int().min(1).optional(),
  /** The file that could not be read or written. */
  file: z.string().optional(),
});
export type ExportFailure = z.infer<typeof ExportFailureSchema>;
