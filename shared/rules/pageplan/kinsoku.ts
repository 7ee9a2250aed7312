/** 禁则: Chinese line-breaking rules, the punctuation that may not start or end a line. */

/** May not start a line: closing brackets and quotes, pause and stop marks, the ellipsis and dash halves. */
export const NO_LINE_START = '，。、；：？！）》」』”’】〕〉…—·％‰,.;:?!)]}%';
/** May not end a line: opening brackets and quotes. */
export const NO_LINE_END = '（《「『“‘【〔〈([{';

export interface LineBreakViolation {
  /** The line's first or last character. */
  char: string;
  rule: 'start' | 'end';
  line: string;
}

/** Checks laid-out lines (as the browser broke them) against the rules. */
export function lineBreakViolations(lines: readonly string[]): LineBreakViolation[] {
  const out: LineBreakViolation[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const first = [...line][0]!;
    const last = [...line].at(-1)!;
    if (NO_LINE_START.includes(first)) out.push({ char: first, rule: 'start', line });
    if (NO_LINE_END.includes(last)) out.push({ char: last, rule: 'end', line });
  }
  return out;
}
