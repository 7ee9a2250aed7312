/** The house style book's checks run beside the punctuation rules: 繁简, GB/T 15835 numbers, 本报用语规范, repeats at breaks. */
import type { Finding } from '../punctuation/finding';
import { termMask, TermMatcher } from './ahoCorasick';
import { checkNumbers } from './numbers';
import { checkRepeatedAcrossBreak } from './repeatedAcrossBreak';
import { checkStylebook, type CompiledStylebook } from './stylebookRule';
import { checkTraditional } from './traditional';

export interface HouseContext {
  /** The paper's style book, compiled; its `keep` list exempts names and titles everywhere. */
  stylebook?: CompiledStylebook | null;
  /** Names and titles kept as written in this story only. */
  storyKeep?: TermMatcher | null;
  /** The year short years are completed against (tests pin it). */
  year?: number;
}

/** A matcher over a story's kept words, or null when it keeps none. */
export function keepMatcher(words: readonly string[]): TermMatcher | null {
  return words.length > 0 ? new TermMatcher(words) : null;
}

export function checkHouse(text: string, protectedSpans: Uint8Array, ctx: HouseContext): Finding[] {
  const mask = protectedSpans.slice();
  termMask(text, ctx.stylebook?.keep ?? null, mask);
  termMask(text, ctx.storyKeep ?? null, mask);
  return [
    ...checkTraditional(text, mask),
    ...checkNumbers(text, mask, ctx.year),
    ...(ctx.stylebook ? checkStylebook(text, mask, ctx.stylebook) : []),
    ...checkRepeatedAcrossBreak(text, mask),
  ];
}
