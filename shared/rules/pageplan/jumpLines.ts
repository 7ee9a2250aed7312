/** 转版: a story set in two slots on different pages, its jump lines and how its lines split between the parts. */
import type { IssueContent } from '../../model/issue';

/**
 * How a page is named in a jump line: numbered pages as 第3版, lettered sections the way city dailies
 * print them, A3版 (the leading zeros of the plan's label are dropped).
 */
export function pageRef(label: string): string {
  const m = /^([A-Z]?)0*(\d+)$/.exec(label);
  if (!m) return `${label}版`;
  const [, letter, num] = m;
  return letter ? `${letter}${num}版` : `第${num}版`;
}

/** Closes the first part: （下转A3版）. */
export function jumpOutLine(toPage: string): string {
  return `（下转${pageRef(toPage)}）`;
}

/** Opens the second part: （上接A1版）. */
export function jumpInLine(fromPage: string): string {
  return `（上接${pageRef(fromPage)}）`;
}

export interface StoryPart {
  page: string;
  slotId: string;
  /** 1 for the story's start, 2 for its continuation after a jump. */
  part: 1 | 2;
  /** The jump line set in this part, or null for a story in one slot. */
  jumpLine: string | null;
}

/** Every slot a story is set in, in page order, with its jump line. */
export function storyParts(plan: IssueContent, articleId: string): StoryPart[] {
  const found: { page: string; slotId: string }[] = [];
  for (const page of plan.pages)
    for (const slot of page.slots) if (slot.articleId === articleId) found.push({ page: page.label, slotId: slot.id });
  if (found.length === 0) return [];
  if (found.length === 1) return [{ ...found[0]!, part: 1, jumpLine: null }];
  const [first, second] = found as [(typeof found)[0], (typeof found)[0]];
  return [
    { ...first, part: 1, jumpLine: jumpOutLine(second.page) },
    { ...second, part: 2, jumpLine: jumpInLine(first.page) },
  ];
}

export interface LineSplit {
  /** Characters and lines set in the first part. */
  first: { chars: number; lines: number };
  /** What jumps to the second part. */
  second: { chars: number; lines: number };
  /** Where the text splits: block index and character offset inside it (code points). */
  at: { block: number; offset: number };
}

/**
 * Splits a story's paragraphs (in 字 each) after `lines` lines at `charsPerLine`, as the first part fills
 * its slot; both parts stay counted. A paragraph cut in two continues without a new indent.
 */
export function splitAtLines(paragraphChars: readonly number[], charsPerLine: number, lines: number): LineSplit {
  let used = 0;
  let chars = 0;
  let total = 0;
  let totalLines = 0;
  let at: LineSplit['at'] | null = null;
  for (const [i, n] of paragraphChars.entries()) {
    const need = Math.max(1, Math.ceil((n + 2) / charsPerLine));
    total += n;
    totalLines += need;
    if (at) continue;
    if (used + need <= lines) {
      used += need;
      chars += n;
      continue;
    }
    const room = lines - used;
    // The first line of a paragraph holds two 字 less for its indent.
    const fit = room <= 0 ? 0 : Math.min(n, room * charsPerLine - 2);
    at = { block: i, offset: Math.max(0, fit) };
    used += room > 0 ? room : 0;
    chars += Math.max(0, fit);
  }
  if (!at) at = { block: paragraphChars.length, offset: 0 };
  return {
    first: { chars, lines: Math.min(used, totalLines) },
    second: { chars: total - chars, lines: Math.max(0, totalLines - used) },
    at,
  };
}
