/** Each person's suggestions in their own colour, the same in the editor, the review panel and the revision compare. */
export const AUTHOR_COLOURS = 6;

/** A stable colour slot (0..5) for a name: a small string hash, so it needs no table of people. */
export function authorSlot(author: string | null | undefined): number {
  if (!author) return 0;
  let h = 0;
  for (const ch of author) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h % AUTHOR_COLOURS;
}
