/** What a punctuation or style rule reports: a span of the text, a message in Chinese and an optional fix. */

export const LINT_RULES = [
  'halfwidth-punctuation',
  'unbalanced-bracket',
  'unbalanced-quote',
  'repeated-punctuation',
  'mixed-quote-style',
  'space-between-chinese',
  'fullwidth-alphanumeric',
  // The house style book's checks (shared/rules/lint): each finding also names its source.
  'traditional-character',
  'number-form',
  'stylebook',
  'repeated-across-break',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface TextFix {
  start: number;
  end: number;
  replacement: string;
}

export interface Finding {
  rule: LintRule;
  /** UTF-16 offsets into the linted text, end exclusive. */
  start: number;
  end: number;
  /** zh-CN, shown to the editor as is. */
  message: string;
  fix?: TextFix;
  /**
   * Where the rule comes from, shown beside the finding so an editor can trust or dismiss it:
   * a clause of a standard (GB/T 15835-2011 §5.1.3), a style book entry, OpenCC's dictionary.
   * Rules without one take their standard from RULE_SOURCES.
   */
  source?: string;
  /** 必改 (must) or 建议 (suggest); a style book entry says which, the rest are must. */
  severity?: 'must' | 'suggest';
}

/** The source of each rule whose findings do not name their own. */
export const RULE_SOURCES: Record<LintRule, string> = {
  'halfwidth-punctuation': 'GB/T 15834-2011',
  'unbalanced-bracket': 'GB/T 15834-2011',
  'unbalanced-quote': 'GB/T 15834-2011',
  'repeated-punctuation': 'GB/T 15834-2011',
  'mixed-quote-style': 'GB/T 15834-2011',
  'space-between-chinese': 'GB/T 15834-2011',
  'fullwidth-alphanumeric': 'GB/T 15834-2011',
  'traditional-character': 'OpenCC TSCharacters',
  'number-form': 'GB/T 15835-2011',
  stylebook: '本报用语规范',
  // No standard states it; the check is Newsdesk's own, for what the raw-copy column repair leaves.
  'repeated-across-break': 'Newsdesk 断栏接排检查',
};

export function sourceOf(finding: Pick<Finding, 'rule' | 'source'>): string {
  return finding.source ?? RULE_SOURCES[finding.rule];
}
