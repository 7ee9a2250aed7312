/** A change to the shape of a page (版位): draw, move, resize, split, merge, delete, target, continue a story. */
import { z } from 'zod';
import { ArticleIdSchema } from './article';

const Label = z.string().regex(/^[A-Z]?\d{1,3}$/);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const Col = z.number().int().min(0).max(19);
const Line = z.number().int().min(0).max(400);

/** A rectangle in the page grid: columns from the left of the type area, body lines from its top. */
export const GridRectSchema = z
  .object({
    col: Col,
    cols: z.number().int().min(1).max(20),
    line: Line,
    lines: z.number().int().min(1).max(400),
  })
  .strict();
export type GridRect = z.infer<typeof GridRectSchema>;

export const SlotEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('draw'), page: Label, rect: GridRectSchema }).strict(),
  z.object({ op: z.literal('move'), page: Label, slotId: Id, col: Col, line: Line }).strict(),
  z.object({ op: z.literal('resize'), page: Label, slotId: Id, rect: GridRectSchema }).strict(),
  z
    .object({
      op: z.literal('split'),
      page: Label,
      slotId: Id,
      /** columns: side by side (a vertical cut); lines: one above the other. */
      axis: z.enum(['columns', 'lines']),
      /** Columns or lines the first part keeps; half when absent. */
      at: z.number().int().min(1).max(400).optional(),
    })
    .strict(),
  z.object({ op: z.literal('merge'), page: Label, slotId: Id, with: Id }).strict(),
  z.object({ op: z.literal('delete'), page: Label, slotId: Id }).strict(),
  z
    .object({
      op: z.literal('target'),
      page: Label,
      slotId: Id,
      /** A typed target in 字 or in lines; `auto` follows the slot's area again. */
      target: z.union([
        z.object({ chars: z.number().int().min(0).max(100_000) }).strict(),
        z.object({ lines: z.number().int().min(0).max(10_000) }).strict(),
        z.literal('auto'),
      ]),
    })
    .strict(),
  z.object({ op: z.literal('continue'), articleId: ArticleIdSchema, page: Label, slotId: Id }).strict(),
]);
export type SlotEdit = z.infer<typeof SlotEditSchema>;
