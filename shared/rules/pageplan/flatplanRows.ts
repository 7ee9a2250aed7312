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
import { pageGrid, slotRegion, type PageGrid } from './pageGrid';
import { estimateLines, slotCapacity } from './slotCapacity';

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
export function targetOf(slot: Slot, grid: PageGrid): number {
  return slot.targetManual ? slot.targetChars : slotCapacity(slotRegion(slot, grid), grid).chars;
}

export function flatplanRows(
  plan: IssueContent,
  stories: ReadonlyMap<string, PlanStory>,
  geometry: PageGeometry,
): FlatplanRow[] {
  const grid = pageGrid(geometry);
  const rows: FlatplanRow[] = [];
  for (const page of plan.pages) {
    for (const slot of page.slots) {
      const region = slotRegion(slot, grid);
      const cpl = grid.charsPerLine;
      // A hand-set target is in 字; its lines follow from the measure.
      const targetChars = targetOf(slot, grid);
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
          problems: ['empty'],
        });
        continue;
      }
      const story = stories.get(slot.articleId);
      const parts = storyParts(plan, slot.articleId);
      const part = parts.find((p) => p.page === page.label && p.slotId === slot.id) ?? null;
      const jumping = parts.length === 2 && part !== null;
      // A jump line takes a line of its own in each part.
      const targetLines = Math.max(0, Math.floor(targetChars / cpl) - (jumping ? 1 : 0));
      let actualChars = 0;
      let actualLines = 0;
      if (story) {
        const total = story.paragraphs.reduce((a, b) => a + b, 0);
        if (jumping && part) {
          // The first part fills its own slot; the rest jumps, so the split follows the first slot's lines.
          const first = parts[0]!;
          const firstSlot = plan.pages.find((p) => p.label === first.page)?.slots.find((s) => s.id === first.slotId);
          const firstLines = firstSlot ? Math.floor(targetOf(firstSlot, grid) / cpl) - 1 : targetLines;
          const split = splitAtLines(story.paragraphs, cpl, Math.max(0, firstLines));
          const mine = part.part === 1 ? split.first : split.second;
          actualChars = mine.chars;
          actualLines = mine.lines;
        } else {
          actualChars = total;
          actualLines = estimateLines(story.paragraphs, cpl);
        }
      }
      const problems: PlanProblem[] = [];
      if (!story) problems.push('missing');
      else {
        if (actualLines > targetLines) problems.push('overset');
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
        targetChars: jumping ? targetLines * cpl : targetChars,
        targetLines,
        actualChars,
        actualLines,
        problems,
      });
    }
  }
  return rows;
}
