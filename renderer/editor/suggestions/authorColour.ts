/** Each person's suggestions in their own colour, the same in the editor and the review panel. */
import type { ChangeRecord } from '../../../shared/model/suggestions';

export const AUTHOR_COLOURS = 6;

/** A stable colour slot (0..5) for a name without a table: a small string hash. */
export function authorSlot(author: string | null | undefined): number {
  if (!author) return 0;
  let h = 0;
  for (const ch of author) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h % AUTHOR_COLOURS;
}

const ORDER = new WeakMap<Map<string, ChangeRecord>, { size: number; slots: Map<string, number> }>();

/**
 * With the story's change table: people in the order they first suggested, so the first six never
 * share a colour (a hash would). Re-read only when the table grows.
 */
export function authorSlotIn(table: Map<string, ChangeRecord> | undefined, author: string | null | undefined): number {
  if (!table || !author) return authorSlot(author);
  let cached = ORDER.get(table);
  if (!cached || cached.size !== table.size) {
    const slots = new Map<string, number>();
    for (const row of table.values()) if (!slots.has(row.author)) slots.set(row.author, slots.size % AUTHOR_COLOURS);
    cached = { size: table.size, slots };
    ORDER.set(table, cached);
  }
  return cached.slots.get(author) ?? authorSlot(author);
}
