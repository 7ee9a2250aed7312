/** The flatplan (版面总览): one row per slot with its story, fill against target and problems. */
import type { Article } from '../../model/article';
import { blockText } from '../../model/document';
import type { FlatplanRow, PlanProblem } from '../../model/flatplan';
import type { IssueContent, Slot } from '../../model/issue';
import type { PageGeometry } from '../../model/pageGeometry';
import type { ArticleStatus } from '../../model/status';
import { countChars } from '../charCount';
import { creditCheck } from '../creditCheck';
import { splitAtLines, storyParts } from './jumpLines';
import { bandOf, pageGrid, slotRegion, type PageGrid, type SlotBand } from './pageGrid';
import { slotCapacity } from './slotCapacity';
import { estimateSlotLines, JUMP_MARGIN_LINES, linesAsSet, type SlotLineFit } from './slotLines';

/** What the flatplan needs of a story: no body, only its paragraph lengths. */
export interface PlanStory {
  id: string;
  kicker: string;
  headline: string;
  status: ArticleStatus;
  /** 字数 of each non-empty text block, in order. */
  paragraphs: number[];
  photos: number;
  creditProblems: string[];
}

export function planStoryOf(a: Article): PlanStory {
  const paragraphs: number[] = [];
  let photos = 0;
  for (const block of a.body) {
    if (block.type === 'photo') photos++;
    else {
      const n = countChars(blockText(block));
      if (n > 0) paragraphs.push(n);
    }
  }
  return {
    id: a.id,
    kicker: a.kicker,
    headline: a.headline,
    status: a.status,
    paragraphs,
    photos,
    creditProblems: creditCheck(a).map((p) => p.code),
  };
}

/** An underset slot is flagged once more than a tenth of its lines (and at least two) stay empty. */
function isUnderset(actual: number, target: number): boolean {
  return target - actual > Math.max(2, target * 0.1);
}

/** A slot's target 字数: typed by hand, or its computed capacity. */
export function targetOf(slot: Slot, grid: PageGrid, band?: SlotBand): number {
  return slot.targetManual ? slot.targetChars : slotCapacity(slotRegion(slot, grid, band), grid).chars;
}

/**
 * `measured` gives a slot's fit from the real layout when one was measured for this version of its
 * story; the lines shown (and overset, underset) are then the layout's, else estimated from 字数.
 */
export function flatplanRows(
  plan: IssueContent,
  stories: ReadonlyMap<string, PlanStory>,
  geometry: PageGeometry,
  measured: (page: string, slotId: string) => SlotLineFit | null = () => null,
): FlatplanRow[] {
  const grid = pageGrid(geometry);
  const rows: FlatplanRow[] = [];
  for (const page of plan.pages) {
    for (const slot of page.slots) {
      const band = bandOf(plan, page, slot.id);
      const region = slotRegion(slot, grid, band);
      const cpl = grid.charsPerLine;
      // A hand-set target is in 字; its lines follow from the measure.
      const targetChars = targetOf(slot, grid, band);
      const base = {
        page: page.label,
        section: page.section,
        slotId: slot.id,
        photos: { slot: region.photos, story: 0 },
      };
      if (!slot.articleId) {
        rows.push({
          ...base,
          articleId: null,
          kicker: '',
          headline: '',
          status: null,
          part: null,
          jumpLine: null,
          targetChars,
          targetLines: Math.floor(targetChars / cpl),
          actualChars: 0,
          actualLines: 0,
          measured: false,
          problems: ['empty'],
        });
        continue;
      }
      const story = stories.get(slot.articleId);
      const parts = storyParts(plan, slot.articleId);
      const part = parts.find((p) => p.page === page.label && p.slotId === slot.id) ?? null;
      const jumping = parts.length === 2 && part !== null;
      let actualChars = 0;
      let fit: SlotLineFit | null = null;
      if (story) {
        fit = measured(page.label, slot.id) ?? estimateSlotLines(plan, page.label, slot.id, story.paragraphs, grid);
        actualChars = story.paragraphs.reduce((a, b) => a + b, 0);
        if (jumping && part) {
          // The first part fills its own slot; the rest jumps, so the 字 split follows the first slot's lines.
          const first = parts[0]!;
          const firstPage = plan.pages.find((p) => p.label === first.page);
          const firstSlot = firstPage?.slots.find((s) => s.id === first.slotId);
          // As the proof splits it: the first slot's lines less the margin kept for its jump line.
          const firstLines =
            firstPage && firstSlot
              ? slotCapacity(slotRegion(firstSlot, grid, bandOf(plan, firstPage, firstSlot.id)), grid).lines -
                JUMP_MARGIN_LINES
              : 0;
          const split = splitAtLines(story.paragraphs, cpl, Math.max(0, firstLines));
          actualChars = (part.part === 1 ? split.first : split.second).chars;
        }
      }
      // Lines are the layout's (measured, or estimated from 字数): what the page holds, not a typed 字 target.
      const targetLines = fit?.capacityLines ?? Math.floor(targetChars / cpl);
      const actualLines = fit ? linesAsSet(fit) : 0;
      const problems: PlanProblem[] = [];
      if (!story) problems.push('missing');
      else {
        if ((fit?.looseOversetLines ?? 0) > 0) problems.push('overset');
        else if (isUnderset(actualLines, targetLines) && (!jumping || part?.part === 2)) problems.push('underset');
        if (story.status !== 'approved' && story.status !== 'placed') problems.push('not_approved');
        if (story.creditProblems.length > 0) problems.push('credit');
        if (part?.part !== 2 && story.photos !== region.photos) problems.push('photos');
      }
      rows.push({
        ...base,
        photos: { slot: region.photos, story: story?.photos ?? 0 },
        articleId: slot.articleId,
        kicker: story?.kicker ?? '',
        headline: story?.headline ?? '',
        status: story?.status ?? null,
        part: jumping ? part!.part : null,
        jumpLine: jumping ? part!.jumpLine : null,
        targetChars: jumping ? Math.max(0, Math.floor(targetChars / cpl) - 1) * cpl : targetChars,
        targetLines,
        actualChars,
        actualLines,
        measured: fit?.measured ?? false,
        problems,
      });
    }
  }
  return rows;
}
