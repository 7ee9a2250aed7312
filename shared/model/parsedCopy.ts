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

/** A story already in the store that the copy being imported seems to repeat (疑似重复). */
export const CopyDuplicateSchema = z.object({
  id: z.string(),
  headline: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Share of the body the two have in common, 0–1 (≥ 0.9 to be listed). */
  similarity: z.number().min(0).max(1),
});
export type CopyDuplicate = z.infer<typeof CopyDuplicateSchema>;

/** The import preview (copy.parse): the parsed structure, the reporters with their printed roles, likely duplicates. */
export const CopyPreviewSchema = ParsedCopySchema.extend({
  /** Reporters with the role the copy prints (见习记者 kept as printed). */
  bylines: z.array(z.object({ role: z.string(), name: z.string() })).optional(),
  /** Stories created in the last 7 days with the same headline and at least 90 % of this body. */
  duplicates: z.array(CopyDuplicateSchema).optional(),
});
export type CopyPreview = z.infer<typeof CopyPreviewSchema>;
