/** The proof's headline markup: broken into balanced lines at the slot's measure and the headline's size. */
import { MM_PER_PT } from '../model/pageGeometry';
import { HEADLINE_PT } from '../rules/pageplan/slotCapacity';
import { breakHeadline } from './headlineBreak';
import type { SlotLayout } from './proofCss';
import { escapeHtml, type ProofArticle } from './proofStory';

/** The headline's letter-spacing in the proof CSS (0.02em), and a margin for the face's side bearings. */
const EM_PER_CHAR = 1.02;
const SAFETY = 0.96;

/** Full-width characters of the headline that fit across the slot. */
export function headlineMeasure(layout: SlotLayout): number {
  const sizeMm = HEADLINE_PT[layout.region.headline] * MM_PER_PT;
  if (sizeMm === 0) return Infinity;
  return Math.max(1, Math.floor((layout.box.width * SAFETY) / (sizeMm * EM_PER_CHAR)));
}

export function headlineHtml(a: ProofArticle, layout: SlotLayout): string {
  if (!a.headline) return escapeHtml('（无标题）');
  // The people the story names in its credits are never split across lines when they appear in the headline.
  const names = [...a.bylines.map((b) => b.name), ...a.correspondents.map((c) => c.name)];
  const lines = breakHeadline(a.headline, headlineMeasure(layout), names);
  return lines.map((l) => `<span class="np-hl">${escapeHtml(l)}</span>`).join('<br>');
}
