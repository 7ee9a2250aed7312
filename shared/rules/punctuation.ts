/** Punctuation and style checks for Chinese copy (GB/T 15834-2011, GB/T 15835-2011), with fixes an editor can apply. */
import type { ArticleContent } from '../model/article';
import { blockText } from '../model/document';
import { checkBrackets, checkQuotes } from './punctuation/balance';
import { protectedMask } from './punctuation/charClass';
import type { Finding, LintRule } from './punctuation/finding';
import { checkFullwidthAlnum } from './punctuation/fullwidthAlnum';
import { checkHalfwidth } from './punctuation/halfwidth';
import { checkQuoteStyle } from './punctuation/quoteStyle';
import { checkRepeated } from './punctuation/repeated';
import { checkSpacing } from './punctuation/spacing';
import { checkHouse, type HouseContext } from './lint/houseRules';

export { LINT_RULES, RULE_SOURCES, sourceOf } from './punctuation/finding';
export type { HouseContext } from './lint/houseRules';
export type { Finding, LintRule, TextFix } from './punctuation/finding';

export interface LintOptions {
  /** Rules not to run, e.g. the space rule on headlines, which use spaces as separators. */
  skip?: readonly LintRule[];
  /** The style book, the story's kept names, the year: what the house rules read besides the text. */
  house?: HouseContext;
}

const HOUSE_RULES: readonly LintRule[] = ['traditional-character', 'number-form', 'stylebook', 'repeated-across-break'];

const RULES: Partial<Record<LintRule, (text: string, mask: Uint8Array) => Finding[]>> = {
  'halfwidth-punctuation': checkHalfwidth,
  'unbalanced-bracket': checkBrackets,
  'unbalanced-quote': checkQuotes,
  'repeated-punctuation': checkRepeated,
  'mixed-quote-style': checkQuoteStyle,
  'space-between-chinese': checkSpacing,
  'fullwidth-alphanumeric': checkFullwidthAlnum,
};

/** Every finding in the text, in reading order. Lines (\n) are paragraphs. */
export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const mask = protectedMask(text);
  const findings: Finding[] = [];
  for (const [rule, check] of Object.entries(RULES) as [LintRule, (text: string, mask: Uint8Array) => Finding[]][]) {
    if (!options.skip?.includes(rule)) findings.push(...check(text, mask));
  }
  for (const f of checkHouse(text, mask, options.house ?? {}))
    if (!options.skip?.includes(f.rule) && HOUSE_RULES.includes(f.rule)) findings.push(f);
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

/**
 * Applies the findings' fixes. Overlapping fixes cannot both be right, so the earlier one
 * wins and the other waits for the next lint; the rest are applied right to left so every
 * offset still points at the text it was computed on.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: typeof fixes = [];
  let reached = 0;
  for (const fix of fixes) {
    if (fix.start < reached || fix.end > text.length) continue;
    chosen.push(fix);
    reached = fix.end;
  }
  let out = text;
  for (const fix of chosen.reverse()) out = out.slice(0, fix.start) + fix.replacement + out.slice(fix.end);
  return out;
}

/** Lints and fixes until nothing fixable is left (fixes that overlapped get their turn). */
export function fixText(text: string, options: LintOptions = {}): string {
  let current = text;
  for (let pass = 0; pass < 5; pass++) {
    const next = applyFixes(current, lintText(current, options));
    if (next === current) break;
    current = next;
  }
  return current;
}

export type LintLocation =
  | { field: 'kicker' | 'headline' | 'subheadline' }
  | { field: 'body'; block: number }
  | { field: 'caption'; block: number };

export interface ArticleFinding extends Finding {
  location: LintLocation;
}

/** Offsets in a finding are local to its field or block, so a fix applies to that text alone. */
function shift(finding: Finding, by: number, location: LintLocation): ArticleFinding {
  const fix = finding.fix && { ...finding.fix, start: finding.fix.start - by, end: finding.fix.end - by };
  return { ...finding, start: finding.start - by, end: finding.end - by, ...(fix ? { fix } : {}), location };
}

/**
 * Lints the headline fields, every text block and every caption. The text blocks are linted
 * as one text, a block a line, so a quotation running over paragraphs is judged as GB/T 15834
 * allows; each finding is then given back to its block.
 */
export function lintArticle(
  content: Pick<ArticleContent, 'kicker' | 'headline' | 'subheadline' | 'body'>,
  house: HouseContext = {},
): ArticleFinding[] {
  const findings: ArticleFinding[] = [];
  for (const field of ['kicker', 'headline', 'subheadline'] as const) {
    // Headlines separate their parts with a space (坚持创新驱动 打造产业高地).
    for (const f of lintText(content[field], { skip: ['space-between-chinese'], house }))
      findings.push({ ...f, location: { field } });
  }
  const starts: { block: number; at: number }[] = [];
  let joined = '';
  content.body.forEach((block, index) => {
    if (block.type === 'photo') {
      for (const f of lintText(block.caption, { house }))
        findings.push({ ...f, location: { field: 'caption', block: index } });
      return;
    }
    if (starts.length > 0) joined += '\n';
    starts.push({ block: index, at: joined.length });
    joined += blockText(block);
  });
  if (starts.length > 0) {
    for (const f of lintText(joined, { house })) {
      const { block, at } = starts[blockAt(starts, f.start)]!;
      findings.push(shift(f, at, { field: 'body', block }));
    }
  }
  return findings.sort((a, b) => locationOrder(a.location) - locationOrder(b.location) || a.start - b.start);
}

/** The last block starting at or before offset. */
function blockAt(starts: readonly { at: number }[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Headline fields first, then the body in reading order, a caption where its photo stands. */
function locationOrder(location: LintLocation): number {
  if ('block' in location) return location.block;
  return ['kicker', 'headline', 'subheadline'].indexOf(location.field) - 3;
}
