import { describe, expect, it } from 'vitest';
import { findAll, foldForFind } from '../../../../renderer/common/find/findText';

const exact = { ignoreCase: false, ignoreWidth: false };
const loose = { ignoreCase: true, ignoreWidth: true };

describe('find within a story', () => {
  it.each<[string, string, typeof exact, number[]]>([
    ['株洲日报株洲', '株洲', exact, [0, 4]],
    ['基于ＥＲＰ系统', 'erp', loose, [2]],
    ['基于ＥＲＰ系统', 'erp', exact, []],
    ['2024年（第二批）', '(第二批)', loose, [5]],
    ['aaaa', 'aa', exact, [0, 2]],
    ['任意', '', exact, []],
  ])('%j / %j', (text, query, opts, starts) => {
    expect(findAll(text, query, opts)).toEqual(starts);
  });

  it('keeps every offset: folded text has the original length', () => {
    const text = '全角ＡＢＣ１２３　空格İ';
    expect(foldForFind(text, loose)).toHaveLength(text.length);
  });
});
