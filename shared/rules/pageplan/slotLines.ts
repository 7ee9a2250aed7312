/**
 * A slot's fit in lines, the one figure the flatplan, the story's copy-fit bar and the export gate show:
 * measured in Chromium when a layout of this story in this slot was measured, else estimated from 字数.
 */
import type { IssueContent } from '../../model/issue';
import { splitAtLines, storyParts } from './jumpLines';
import { bandOf, slotRegion, type PageGrid } from './pageGrid';
import { estimateLines, slotCapacity } from './slotCapacity';

export interface SlotLineFit {
  /** Body lines the slot holds (all columns). */
  capacityLines: number;
  /** Lines the story's part takes as first set, overset included. */
  usedLines: number;
  /** Lines still over once set: after tightening (紧排) when a measurement tightened the slot. */
  oversetLines: number;
  /** Lines over as first set: what the desk is told to cut. */
  looseOversetLines: number;
  tightened: boolean;
  /** From the real layout; false: estimated from 字数 (估算). */
  measured: boolean;
}

/**
 * Lines the first part of a jumping story leaves free besides its jump line: the split is estimated
 * from 字数, and a line lost to 禁则 or Latin text must not push the jump line into overset.
 */
export const JUMP_MARGIN_LINES = 3;

/** The estimate from 字数: each paragraph from a new line, indented two 字, every line full. */
export function estimateSlotLines(
  plan: IssueContent,
  pageLabel: string,
  slotId: string,
  paragraphs: readonly number[],
  grid: PageGrid,
): SlotLineFit {
  const page = plan.pages.find((p) => p.label === pageLabel);
  const slot = page?.slots.find((s) => s.id === slotId);
  if (!page || !slot) throw new Error(`no slot ${pageLabel} ${slotId} in the plan`);
  const capacity = slotCapacity(slotRegion(slot, grid, bandOf(plan, page, slot.id)), grid).lines;
  const parts = slot.articleId ? storyParts(plan, slot.articleId) : [];
  const part = parts.find((p) => p.page === pageLabel && p.slotId === slotId);
  let used = estimateLines(paragraphs, grid.charsPerLine);
  if (parts.length === 2 && part) {
    const first = parts[0]!;
    const firstPage = plan.pages.find((p) => p.label === first.page)!;
    const firstSlot = firstPage.slots.find((s) => s.id === first.slotId)!;
    const firstLines = slotCapacity(slotRegion(firstSlot, grid, bandOf(plan, firstPage, firstSlot.id)), grid).lines;
    const split = splitAtLines(paragraphs, grid.charsPerLine, Math.max(0, firstLines - JUMP_MARGIN_LINES));
    // Each part sets its jump line on a line of its own.
    used = (part.part === 1 ? split.first.lines : split.second.lines) + 1;
  }
  const over = Math.max(0, used - capacity);
  return {
    capacityLines: capacity,
    usedLines: used,
    oversetLines: over,
    looseOversetLines: over,
    tightened: false,
    measured: false,
  };
}

/** The tolerance setting is in 字; the gate counts lines, so it allows the whole lines those 字 fill. */
export function toleranceLines(toleranceChars: number, charsPerLine: number): number {
  return Math.floor(toleranceChars / Math.max(1, charsPerLine));
}

/** Lines the story takes at the paper's normal spacing: what the desk sees, even where the export set it tighter. */
export function linesAsSet(fit: SlotLineFit): number {
  return fit.tightened ? fit.capacityLines + fit.looseOversetLines : fit.usedLines;
}
