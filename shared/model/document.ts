/** The story body as a Slate document: every element type is declared here, once. */
import { z } from 'zod';
import { PhotoCreditSchema } from './people';

/** A change id from the article's change table (track changes, 留痕); ids never contain spaces. */
export const ChangeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/);

export const FormattedTextSchema = z.object({
  text: z.string(),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  /** Suggested insertion: the change that proposes this text. */
  ins: ChangeIdSchema.optional(),
  /** Suggested deletion: the change that proposes removing this text (with ins: one person deleting another's insertion). */
  del: ChangeIdSchema.optional(),
  /** Comments (批注) anchored on this text; their threads live on the article. */
  comments: z.array(ChangeIdSchema).max(50).optional(),
});
export type FormattedText = z.infer<typeof FormattedTextSchema>;

const TextChildren = z.array(FormattedTextSchema).min(1);

/**
 * Suggested paragraph breaks on a text block, about the boundary with the block before it:
 * `split` proposes the break (the block was split off), `join` proposes removing it.
 */
const TrackedBoundary = {
  split: ChangeIdSchema.optional(),
  join: ChangeIdSchema.optional(),
};

export const ParagraphSchema = z.object({ type: z.literal('paragraph'), children: TextChildren, ...TrackedBoundary });
/** 小标题: a subhead inside the body. */
export const SubheadSchema = z.object({ type: z.literal('subhead'), children: TextChildren, ...TrackedBoundary });
export const QuoteSchema = z.object({ type: z.literal('quote'), children: TextChildren, ...TrackedBoundary });
/** 落款: one closing line of a notice (organisation, date). */
export const SignatureSchema = z.object({ type: z.literal('signature'), children: TextChildren, ...TrackedBoundary });
/**
 * A photo is a void block: the picture, its caption and its credit are edited in the
 * block's own fields, so the text around it never flows into the caption.
 */
/**
 * A photo's pending suggestions (留痕): its caption as runs and its credit as items, as the header fields
 * keep theirs. Present only while a suggestion is pending; `caption` and `credit` read with all accepted.
 */
export const PhotoTrackedSchema = z.object({
  caption: z
    .array(z.object({ text: z.string().max(2000), ins: ChangeIdSchema.optional(), del: ChangeIdSchema.optional() }))
    .max(2000)
    .optional(),
  credit: z
    .array(z.object({ value: PhotoCreditSchema, ins: ChangeIdSchema.optional(), del: ChangeIdSchema.optional() }))
    .max(8)
    .optional(),
});
export type PhotoTracked = z.infer<typeof PhotoTrackedSchema>;

export const PhotoSchema = z.object({
  type: z.literal('photo'),
  /** File name of the asset inside the data folder's assets/, or null before one is picked. */
  asset: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,120}$/)
    .nullable(),
  caption: z.string().max(2000),
  credit: PhotoCreditSchema.nullable(),
  tracked: PhotoTrackedSchema.optional(),
  children: z.tuple([z.object({ text: z.literal('') })]),
});

export const BlockSchema = z.discriminatedUnion('type', [
  ParagraphSchema,
  SubheadSchema,
  QuoteSchema,
  SignatureSchema,
  PhotoSchema,
]);
export type ParagraphElement = z.infer<typeof ParagraphSchema>;
export type SubheadElement = z.infer<typeof SubheadSchema>;
export type QuoteElement = z.infer<typeof QuoteSchema>;
export type SignatureElement = z.infer<typeof SignatureSchema>;
export type PhotoElement = z.infer<typeof PhotoSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type TextBlock = Exclude<Block, PhotoElement>;
export type BlockType = Block['type'];

/** A document never has zero blocks: an empty story is one empty paragraph. */
export const DocumentSchema = z.array(BlockSchema).min(1).max(100_000);
export type StoryDocument = z.infer<typeof DocumentSchema>;

export function emptyDocument(): StoryDocument {
  return [{ type: 'paragraph', children: [{ text: '' }] }];
}

export function paragraph(text: string): ParagraphElement {
  return { type: 'paragraph', children: [{ text }] };
}

/** Plain text of a text block (photos have none: their caption is counted apart). */
export function blockText(block: Block): string {
  if (block.type === 'photo') return '';
  let out = '';
  for (const leaf of block.children) out += leaf.text;
  return out;
}
