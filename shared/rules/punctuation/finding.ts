/** What a punctuation or style rule reports: a span of the text, a message in Chinese and an optional fix. */

export const LINT_RULES = [
  'halfwidth-punctuation',
  'unbalanced-bracket',
  'unbalanced-quote',
  'repeated-punctuation',
  'mixed-quote-style',
  'space-between-chinese',
  'fullwidth-alphanumeric',
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
}
