/**
 * A package warning as the export's caller sees it: not a reason to refuse (the gate's job), but something
 * typesetting should know, with its kind as data so the UI words it in its own language.
 */
import { z } from 'zod';

export const ExportWarningDetailSchema = z.discriminatedUnion('code', [
  /** A photo block still waiting for its picture: the package has its caption but no file. */
  z.object({ code: z.literal('photo_without_file'), photo: z.number().int().min(1) }),
  /** A name the GB18030 text file can carry but older GBK-only systems cannot. */
  z.object({ code: z.literal('name_outside_gbk'), name: z.string(), chars: z.array(z.string()) }),
  /** Control characters in a story stored before the contract refused them, removed in every format. */
  z.object({ code: z.literal('control_characters'), count: z.number().int().min(1), codePoints: z.array(z.string()) }),
]);
export type ExportWarningDetail = z.infer<typeof ExportWarningDetailSchema>;

export const ExportWarningSchema = z.object({
  articleId: z.string(),
  headline: z.string(),
  /** zh-CN, as written into the manifest. */
  message: z.string(),
  detail: ExportWarningDetailSchema.optional(),
});
export type ExportWarning = z.infer<typeof ExportWarningSchema>;
