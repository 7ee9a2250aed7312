/** What raw copy parses into: the shape of the fixtures' *.expected.json. */
import { z } from 'zod';

/** The structure raw copy parses into; the same shape as test/fixtures/copy/*.expected.json. */
export const ParsedCopySchema = z.object({
  kind: z.enum(['story', 'notice']),
  headlineLines: z.array(z.string()),
  source: z.string().nullable(),
  reporters: z.array(z.string()),
  correspondents: z.array(z.string()),
  paragraphs: z.array(z.string()),
  photos: z.array(
    z.object({
      caption: z.string(),
      /** The credit exactly as printed: 企业供图, 全媒体记者 甲 摄. */
      credit: z.string(),
    }),
  ),
  signature: z.array(z.string()),
  /** Control characters removed from the copy before parsing, by code point ("U+0001"); absent when none were. */
  removedControls: z.object({ count: z.number().int(), codePoints: z.array(z.string()) }).optional(),
});
export type ParsedCopy = z.infer<typeof ParsedCopySchema>;
