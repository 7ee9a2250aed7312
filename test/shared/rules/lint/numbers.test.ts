/**
 * GB/T 15835-2011, each case taken from the standard's own examples (or its 不写为 counter-examples),
 * plus the fixed expressions and names every rule must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../../shared/rules/punctuation';
import { checkNumbers, mixedValue } from '../../../../shared/rules/lint/numbers';

const check = (text: string) => checkNumbers(text, new Uint8Array(text.length), 2026);
const fixed = (text: string) => applyFixes(text, check(text));

describe('GB/T 15835-2011 in the standard’s own examples', () => {
  it.each([
    // 年份不简写: “1990年”不写为“90年” (taken as a year only when a month follows).
    ['90年10月1日', '1990年10月1日'],
    ['24年3月29日上午', '2024年3月29日上午'],
    // 数值范围: 15%～30%（不写为15～30%）, 9亿～16亿（不写为9～16亿）, 13万元～17万元（不写为13～17万元）.
    ['15～30%', '15%～30%'],
    ['9～16亿', '9亿～16亿'],
    ['13～17万元', '13万元～17万元'],
    // 连接号: 浪纹式“～”或一字线“—”, not a hyphen or a half-width tilde.
    ['63%-68%', '63%～68%'],
    ['3-5天', '3～5天'],
    ['3~5天', '3～5天'],
    // 阿拉伯数字与汉字数字同时使用: 108 不写作“1百零8”“一百08”；4000 不写作“4千”.
    ['1百零8', '108'],
    ['一百08', '108'],
    ['4千', '4000'],
    // 多位数分节: 千分撇 2,748,456.
    ['2,7484,56', '2,748,456'],
  ])('%s → %s', (wrong, right) => {
    expect(fixed(wrong)).toBe(right);
    expect(check(wrong).every((f) => f.source?.startsWith('GB/T 15835-2011'))).toBe(true);
  });

  it.each([
    // The standard's right forms.
    '1994年10月1日',
    '63%～68%',
    '100～150kg',
    '3～5天',
    '-36～-8℃',
    '400—429页',
    '12 500～20 000元',
    '2,748,456',
    '3.45亿',
    '34500万',
    '10亿零817万5288人',
    '2008-8-8',
    '1997-07-01',
    // Spans of time, not abbreviated years.
    '工作了24年',
    '改革开放40年来',
    // Units whose prefix is a numeral word.
    '6千米',
    '5千克',
    '300千瓦',
    // Fixed expressions and names: numerals as morphemes are never touched.
    '十九大',
    '一带一路',
    '三亚',
    '四书五经',
    '五四运动',
    '第三季度',
    '十三届四中全会',
    '不管三七二十一',
    '相差十万八千里',
    // Phone and area codes, road and model numbers, scores.
    '电话0731-28812345',
    '京港澳高速G4-1号',
    '以3-1战胜对手',
  ])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('reads mixed numbers as the value they mean', () => {
    expect(mixedValue('3千5百')).toBe(3500);
    expect(mixedValue('1.5千')).toBe(1500);
    expect(mixedValue('一百零8')).toBe(108);
  });
});
