/**
 * GB/T 15835-2011 (出版物上数字用法): only the rules the standard states with its own examples.
 * Left out on purpose, because the standard leaves the choice to the writer or a rule would need
 * guesses about meaning: Arabic versus Chinese numerals in general (the standard allows both where
 * they read equally well), 概数 with a 顿号 (三、五天 cannot be told from a list such as 一、二季度
 * by the characters alone), and dates written with "-" (the standard allows 2008-8-8).
 *
 * Numerals inside words and names (十九大, 一带一路, 三亚, 四书五经) are never touched: every rule
 * here needs an Arabic digit, so a word written in Chinese numerals cannot match.
 */
import type { Finding } from '../punctuation/finding';

const STANDARD = 'GB/T 15835-2011';

function masked(mask: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mask[i]) return true;
  return false;
}

/**
 * 年份不简写: "1990年" is not written "90年". Only a two-digit year followed by a month is
 * taken as a year (24年5月): "工作了24年" is a span of time and stays.
 */
const SHORT_YEAR = /(?<![\d.,'’])(\d{2})年(?=\d{1,2}月)/g;

function checkShortYears(text: string, mask: Uint8Array, now: number): Finding[] {
  const out: Finding[] = [];
  const century = (yy: number) =>
    yy <= (now % 100) + 1 ? Math.floor(now / 100) * 100 : Math.floor(now / 100) * 100 - 100;
  for (const m of text.matchAll(SHORT_YEAR)) {
    if (masked(mask, m.index, m.index + m[0].length)) continue;
    const yy = Number(m[1]);
    const full = String(century(yy) + yy);
    out.push({
      rule: 'number-form',
      start: m.index,
      end: m.index + 2,
      message: `年份不应简写：“${m[1]}年”应写全（${full}年？）`,
      fix: { start: m.index, end: m.index + 2, replacement: full },
      source: `${STANDARD} 年月日（“1990年”不写为“90年”）`,
    });
  }
  return out;
}

/**
 * 数值范围: the sign or unit of the first value may only be left out where no ambiguity arises;
 * % and 万/亿 may not (the standard's examples: 15%～30% not 15～30%, 9亿～16亿 not 9～16亿,
 * 13万元～17万元 not 13～17万元). 3～5天 and 100～150kg stay as they are.
 */
const RANGE_SUFFIX = /(?<![\d.%万亿])(\d+(?:\.\d+)?)([～~—-]|至)(\d+(?:\.\d+)?)(%|万元|亿元|万|亿)/g;

function checkRangeSuffix(text: string, mask: Uint8Array): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(RANGE_SUFFIX)) {
    const [whole, first, , , suffix] = m as unknown as [string, string, string, string, string];
    if (masked(mask, m.index, m.index + whole.length)) continue;
    const at = m.index + first.length;
    out.push({
      rule: 'number-form',
      start: m.index,
      end: m.index + whole.length,
      message: `数值范围前一个数值的“${suffix}”不能省略`,
      fix: { start: at, end: at, replacement: suffix },
      source: `${STANDARD} 数值范围（15%～30%，不写为15～30%；9亿～16亿，不写为9～16亿）`,
    });
  }
  return out;
}

/**
 * 数值范围的连接号 is the wave dash ～ or the en-dash-like 一字线 —; a hyphen or a half-width
 * tilde between two numbers before a unit (3-5天, 10%-20%) is neither. Only a unit or % after the
 * second number makes it a range: a score (3-1战胜), a date (2008-8-8), phone and model numbers
 * (G4-1号, 0731-…) are left alone.
 */
const RANGE_JOINER =
  /(?<![\dA-Za-z.\-/:])(\d{1,4}(?:\.\d+)?%?)([-~])(\d{1,4}(?:\.\d+)?)(?=%|(?:个|名|人|次|家|项|元|万|亿|岁|米|千|公里|吨|倍|层|件|种|所|辆|台|条|座|期|小时|分钟|周|天|年|月|日|秒|度|页|章|节|级|届|批|场|篇|份|本|户|场|所|株|只|头|平方|立方|亩|克|升|瓦|摄氏度|℃))/gu;

function checkRangeJoiner(text: string, mask: Uint8Array): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(RANGE_JOINER)) {
    const [whole, first, joiner] = m as unknown as [string, string, string];
    if (masked(mask, m.index, m.index + whole.length)) continue;
    // A date's month-day (2023-5-1日) continues with another hyphen; 0731-… is an area code.
    if (first.startsWith('0') && first.length > 1) continue;
    const at = m.index + first.length;
    out.push({
      rule: 'number-form',
      start: at,
      end: at + 1,
      message: `数值范围应使用浪纹式连接号“～”，不用“${joiner}”`,
      fix: { start: at, end: at + 1, replacement: '～' },
      source: `${STANDARD} 数值范围（可采用浪纹式连接号“～”或一字线连接号“—”）`,
    });
  }
  return out;
}

const HAN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HAN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a number written in Arabic digits and Chinese numerals mixed (4千, 1百零8, 一百08). */
export function mixedValue(token: string): number | null {
  let total = 0;
  let current: number | null = null;
  for (const part of token.match(/\d+(?:\.\d+)?|./gu) ?? []) {
    if (/^\d/.test(part)) current = Number(part);
    else if (part in HAN_DIGIT) current = part === '零' || part === '〇' ? current : HAN_DIGIT[part]!;
    else if (part in HAN_UNIT) {
      total += (current ?? 1) * HAN_UNIT[part]!;
      current = null;
    } else return null;
  }
  const value = total + (current ?? 0);
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
}

/**
 * 阿拉伯数字与汉字数字同时使用: apart from 万 and 亿 as units (3.45亿, 34500万), one number is
 * not written half in each (108 not 1百零8 or 一百08; 4000 not 4千). 千米, 千克, 千瓦 … are units, not numbers.
 */
const MIXED =
  /(?<![\d.])(?:\d+(?:\.\d+)?[十百千](?:零?(?:\d+|[一二三四五六七八九][十百]?))*|[一二三四五六七八九][百千]零?\d+)(?![米克瓦伏帕卡焦赫兆]|分[比点之])/gu;

function checkMixed(text: string, mask: Uint8Array): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(MIXED)) {
    const token = m[0];
    if (masked(mask, m.index, m.index + token.length)) continue;
    // 第3十 or 3十分: too odd to guess at; a value is only offered where one reads cleanly.
    const value = mixedValue(token);
    out.push({
      rule: 'number-form',
      start: m.index,
      end: m.index + token.length,
      message: `同一数值不应混用阿拉伯数字和汉字数字：“${token}”`,
      ...(value !== null ? { fix: { start: m.index, end: m.index + token.length, replacement: String(value) } } : {}),
      source: `${STANDARD} 阿拉伯数字与汉字数字同时使用（4000不写作4千，108不写作1百零8）`,
    });
  }
  return out;
}

/** 多位数分节: with 千分撇 every group after the first has three digits (2,748,456). */
const GROUPED = /(?<![\d,.])\d{1,3}(?:,\d{2,4})+(?![\d,])/g;

function checkGrouping(text: string, mask: Uint8Array): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(GROUPED)) {
    const groups = m[0].split(',').slice(1);
    if (groups.every((g) => g.length === 3)) continue;
    // "12,34" reads as two numbers listed; only a run with a long group or several commas is a number.
    if (groups.length < 2 && groups[0]!.length < 4) continue;
    if (masked(mask, m.index, m.index + m[0].length)) continue;
    const digits = m[0].replace(/,/g, '');
    const regrouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
    out.push({
      rule: 'number-form',
      start: m.index,
      end: m.index + m[0].length,
      message: `多位数分节应三位一节：“${m[0]}”应为“${regrouped}”`,
      fix: { start: m.index, end: m.index + m[0].length, replacement: regrouped },
      source: `${STANDARD} 多位数分节（千分撇分节：2,748,456）`,
    });
  }
  return out;
}

export function checkNumbers(text: string, mask: Uint8Array, now = new Date().getFullYear()): Finding[] {
  return [
    ...checkShortYears(text, mask, now),
    ...checkRangeSuffix(text, mask),
    ...checkRangeJoiner(text, mask),
    ...checkMixed(text, mask),
    ...checkGrouping(text, mask),
  ];
}
