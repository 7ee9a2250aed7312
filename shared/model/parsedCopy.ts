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
});
export type ParsedCopy = z.infer<typeof ParsedCopySchema>;
