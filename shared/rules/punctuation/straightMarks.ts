/** GB/T 15834-2011 in Chinese text: straight "…" quotes are “…”, and a sentence ends in 。 not a half-width full stop. */
import type { Finding } from './finding';
import { isAsciiAlnum, isChinese, isHan, isInlineSpace, nextSignificant, previousSignificant } from './charClass';

/**
 * Straight double quotes, paired line by line: a pair is Chinese when it quotes Han text or
 * stands between Chinese neighbours, and becomes “…”. A lone quote is left to the balance rule.
 */
export function checkStraightQuotes(text: string, mask: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  let open = -1;
  for (const { index: i, 0: ch } of text.matchAll(/["\n]/g)) {
    if (ch === '\n') {
      open = -1;
      continue;
    }
    if (mask[i]) continue;
    if (open < 0) {
      open = i;
      continue;
    }
    const quotesHan = [...text.slice(open + 1, i)].some(isHan);
    const between = isChinese(previousSignificant(text, open).ch) || isChinese(nextSignificant(text, i + 1).ch);
    if (quotesHan || between) {
      for (const [at, to] of [
        [open, '“'],
        [i, '”'],
      ] as const) {
        findings.push({
          rule: 'halfwidth-punctuation',
          start: at,
          end: at + 1,
          message: `中文语境应使用全角引号“${to}”`,
          fix: { start: at, end: at + 1, replacement: to },
        });
      }
    }
    open = -1;
  }
  return findings;
}

/** Closing marks a sentence's stop may sit before: 好.” and 好.） end a sentence too. */
const AFTER_STOP = /^(?:$|[\s”’」』）)】》"\u4e00-\u9fa5])/u;

/**
 * A half-width "." that ends a Chinese sentence: after Han text or a Chinese closing mark, at the end
 * of the line or before the next sentence. Decimals, abbreviations, list numbers, ellipses, URLs
 * and e-mail addresses keep theirs.
 */
export function checkHalfwidthFullStop(text: string, mask: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  for (const { index: i } of text.matchAll(/\./g)) {
    if (mask[i] || text[i - 1] === '.' || text[i + 1] === '.') continue;
    const before = text[i - 1];
    if (before === undefined || isInlineSpace(before) || isAsciiAlnum(before)) continue;
    if (!isHan(before) && !/[”’」』）)】》"]/u.test(before)) continue;
    if (!isChinese(previousSignificant(text, i).ch) && !isHan(text[i - 2])) continue;
    if (!AFTER_STOP.test(text.slice(i + 1, i + 2))) continue;
    let end = i + 1;
    while (end < text.length && isInlineSpace(text[end])) end++;
    findings.push({
      rule: 'halfwidth-punctuation',
      start: i,
      end: i + 1,
      message: '中文语境应使用全角句号“。”',
      fix: { start: i, end, replacement: '。' },
    });
  }
  return findings;
}
