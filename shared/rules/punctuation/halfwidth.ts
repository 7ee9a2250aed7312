/** GB/T 15834-2011: in Chinese text , ( ) : ; ! ? " . are full-width; numbers, times, URLs and Latin text keep theirs. */
import type { Finding } from './finding';
import {
  isAsciiAlnum,
  isAsciiDigit,
  isChinese,
  isHan,
  isInlineSpace,
  nextSignificant,
  previousSignificant,
} from './charClass';
import { checkHalfwidthFullStop, checkStraightQuotes } from './straightMarks';

const FULL_WIDTH: Record<string, { to: string; name: string }> = {
  ',': { to: '，', name: '逗号' },
  '(': { to: '（', name: '括号' },
  ')': { to: '）', name: '括号' },
  ':': { to: '：', name: '冒号' },
  ';': { to: '；', name: '分号' },
  '!': { to: '！', name: '叹号' },
  '?': { to: '？', name: '问号' },
};

/** Pairs half-width round brackets so a pair is judged as one: by its content and its outer neighbours. */
function pairBrackets(text: string, mask: Uint8Array): Map<number, number> {
  const partner = new Map<number, number>();
  const open: number[] = [];
  for (const { index: i } of text.matchAll(/[()\n]/g)) {
    if (mask[i]) continue;
    if (text[i] === '\n') open.length = 0;
    else if (text[i] === '(') open.push(i);
    else if (open.length > 0) {
      const o = open.pop()!;
      partner.set(o, i);
      partner.set(i, o);
    }
  }
  return partner;
}

/** Between two digits , : ; are a thousands separator, a time (8:00), a ratio: not Chinese punctuation. */
function betweenDigits(text: string, i: number): boolean {
  return isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1]);
}

function isChineseContext(text: string, i: number, partner: Map<number, number>): boolean {
  const ch = text[i]!;
  const prev = previousSignificant(text, i).ch;
  const next = nextSignificant(text, i + 1).ch;
  if (ch === '(' || ch === ')') {
    const other = partner.get(i);
    if (other === undefined) return isChinese(prev) || isChinese(next);
    const [o, c] = ch === '(' ? [i, other] : [other, i];
    // ERP(企业资源管理系统): Chinese inside the brackets or right outside them decides.
    for (const cp of text.slice(o + 1, c)) if (isHan(cp)) return true;
    return isChinese(previousSignificant(text, o).ch) || isChinese(nextSignificant(text, c + 1).ch);
  }
  if (ch === '!' || ch === '?') {
    // "好!!" and "砰!" take their context from the word the mark closes.
    let j = i;
    while (j > 0 && (text[j - 1] === '!' || text[j - 1] === '?' || isInlineSpace(text[j - 1]))) j--;
    const base = previousSignificant(text, j).ch;
    return isChinese(base) || (isChinese(next) && !isAsciiAlnum(base));
  }
  if (betweenDigits(text, i)) return false;
  return isChinese(prev) || isChinese(next);
}

/** The fix also takes the spaces a half-width mark brought with it: "中文, 中文" → "中文，中文". */
function fixSpan(text: string, i: number): { start: number; end: number } {
  let start = i;
  let end = i + 1;
  const ch = text[i];
  if (ch === '(') {
    const before = previousSignificant(text, i).ch;
    if (before === undefined || !(before in FULL_WIDTH)) while (start > 0 && isInlineSpace(text[start - 1])) start--;
  } else {
    while (end < text.length && isInlineSpace(text[end])) end++;
  }
  return { start, end };
}

export function checkHalfwidth(text: string, mask: Uint8Array): Finding[] {
  const partner = pairBrackets(text, mask);
  const findings: Finding[] = [];
  for (const { index: i } of text.matchAll(/[,():;!?]/g)) {
    const spec = FULL_WIDTH[text[i]!]!;
    if (mask[i] || !isChineseContext(text, i, partner)) continue;
    const span = fixSpan(text, i);
    findings.push({
      rule: 'halfwidth-punctuation',
      start: i,
      end: i + 1,
      message: `中文语境应使用全角${spec.name}“${spec.to}”`,
      fix: { ...span, replacement: spec.to },
    });
  }
  findings.push(...checkStraightQuotes(text, mask), ...checkHalfwidthFullStop(text, mask));
  return findings.sort((a, b) => a.start - b.start);
}
