/** Words doubled where a column break split the copy; Chinese reduplication left alone. */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../../shared/rules/punctuation';
import { checkRepeatedAcrossBreak } from '../../../../shared/rules/lint/repeatedAcrossBreak';

const check = (text: string) => checkRepeatedAcrossBreak(text, new Uint8Array(text.length));

describe('repeats at a column break', () => {
  it.each([
    ['推动产业的的发展', '推动产业的发展'],
    ['项目已经开工了了', '项目已经开工了'],
    ['推动产业的\n的发展', '推动产业的\n发展'],
    ['推进改革\n改革开放', '推进改革\n开放'],
  ])('%j → %j', (text, right) => {
    expect(applyFixes(text, check(text))).toBe(right);
  });

  it.each(['不了了之', '实实在在', '的的确确', '是是非非', '我们常\n常说', '常常', '研究研究', '天天向上'])(
    'leaves %j alone',
    (text) => {
      expect(check(text)).toEqual([]);
    },
  );
});
