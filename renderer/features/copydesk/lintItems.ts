/** Lint findings as the panel shows them: with the text found, a little context, and a key that survives edits elsewhere. */
import type { ArticleContent } from '../../../shared/model/article';
import { blockText } from '../../../shared/model/document';
import type { ArticleFinding } from '../../../shared/rules/punctuation';

export interface LintItem {
  finding: ArticleFinding;
  /**
   * Rule, field, the text found and the words around it. Offsets and block numbers shift with
   * edits above; the words do not, and punctuation is left out of them so that accepting a
   * neighbouring fix does not bring an ignored finding back. It is sent to the store when a finding
   * is dismissed, so it holds no control characters (the contract refuses them).
   */
  key: string;
  before: string;
  found: string;
  after: string;
  /** What the fix replaces, which can be wider or narrower than what was found. */
  replaced: string;
}

export type LintedContent = Pick<ArticleContent, 'kicker' | 'headline' | 'subheadline' | 'body'>;

/** How many characters either side of a finding the panel shows (and the key holds). */
const CONTEXT = 8;

export function textAt(content: LintedContent, finding: ArticleFinding): string {
  const { location } = finding;
  if (location.field === 'body' || location.field === 'caption') {
    const block = content.body[location.block];
    if (!block) return '';
    return block.type === 'photo' ? block.caption : blockText(block);
  }
  return content[location.field];
}

export function toItems(content: LintedContent, findings: readonly ArticleFinding[]): LintItem[] {
  // Identical contexts (a repeated phrase) are told apart by their order.
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const text = textAt(content, finding);
    const before = text.slice(Math.max(0, finding.start - CONTEXT), finding.start);
    const found = text.slice(finding.start, finding.end);
    const after = text.slice(finding.end, finding.end + CONTEXT);
    const words = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');
    const around = `${words(text.slice(Math.max(0, finding.start - 3 * CONTEXT), finding.start)).slice(-CONTEXT)}‖${words(text.slice(finding.end, finding.end + 3 * CONTEXT)).slice(0, CONTEXT)}`;
    const base = `${finding.rule}|${finding.location.field}|${found}|${around}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const replaced = finding.fix ? text.slice(finding.fix.start, finding.fix.end) : '';
    return { finding, key: `${base}|${n}`, before, found, after, replaced };
  });
}
