/**
 * Whether copy about to be imported repeats a story already on the desk (疑似重复): the same headline and
 * at least 90 % of the body, against stories created in the last 7 days.
 */
import { diffChars } from 'diff';
import { blockText, type Block } from '../../model/document';

export const DUPLICATE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
export const DUPLICATE_SIMILARITY = 0.9;

/** Headlines compare without spaces and with full-width letters and digits folded (ＡＢ１ is AB1). */
export function headlineKey(headline: string): string {
  return headline.normalize('NFKC').replace(/\s+/g, '');
}

/** A story's body as the comparison reads it: its text blocks, one a line; photos and spacing left out. */
export function bodyTextOf(body: readonly Block[]): string {
  return body
    .filter((b) => b.type !== 'photo')
    .map((b) => blockText(b).replace(/\s+/g, ''))
    .filter((t) => t !== '')
    .join('\n');
}

/**
 * The share of the two bodies' characters that line up unchanged (2 × common ÷ both lengths). The
 * character diff is cut off once the bodies differ by more than the duplicate threshold allows, so a
 * long unrelated body costs little; such a pair scores 0.
 */
export function bodySimilarity(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // Characters in common regardless of order bound those in common in order: a body made of other
  // characters is told apart in one pass, without a diff.
  if ((2 * sharedCharacters(a, b)) / total < DUPLICATE_SIMILARITY) return 0;
  const maxEditLength = Math.ceil((1 - DUPLICATE_SIMILARITY) * total);
  const parts = diffChars(a, b, { maxEditLength });
  if (!parts) return 0;
  const edits = parts.reduce((n, p) => n + (p.added || p.removed ? p.value.length : 0), 0);
  return (total - edits) / total;
}

/** How many characters the two texts share, counted with repeats and ignoring order. */
function sharedCharacters(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return shared;
}

export interface DuplicateCandidate {
  headline: string;
  bodyText: string;
  createdAt: string;
}

/** The similarity when `candidate` is a likely duplicate of the incoming copy, else null. */
export function duplicateScore(
  incoming: { headline: string; bodyText: string },
  candidate: DuplicateCandidate,
  now: Date,
): number | null {
  const key = headlineKey(incoming.headline);
  if (key === '' || headlineKey(candidate.headline) !== key) return null;
  const created = Date.parse(candidate.createdAt);
  if (!(created >= now.getTime() - DUPLICATE_WINDOW_MS)) return null;
  const similarity = bodySimilarity(incoming.bodyText, candidate.bodyText);
  return similarity >= DUPLICATE_SIMILARITY ? similarity : null;
}
