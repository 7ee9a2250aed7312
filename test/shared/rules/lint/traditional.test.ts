/** 繁简混用 from OpenCC's TSCharacters: traditional-only characters flagged, characters also valid in simplified left alone. */
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../../../shared/rules/punctuation';
import { keepMatcher } from '../../../../shared/rules/lint/houseRules';
import { compileStylebook } from '../../../../shared/rules/lint/stylebookRule';
import { checkTraditional } from '../../../../shared/rules/lint/traditional';

const check = (text: string) => checkTraditional(text, new Uint8Array(text.length));

describe('traditional characters in simplified copy', () => {
  it.each([
    ['推動產業升級', '推动产业升级'],
    ['這個項目', '这个项目'],
    ['關係到發展', '关系到发展'],
    ['後來', '后来'],
    ['國際', '国际'],
  ])('%s → %s, one finding a run', (text, right) => {
    const found = check(text);
    expect(applyFixes(text, found)).toBe(right);
    expect(found.every((f) => f.source === 'OpenCC TSCharacters' && f.rule === 'traditional-character')).toBe(true);
  });

  it.each([
    // Valid simplified too: OpenCC itself writes them in simplified text.
    '乾隆年间',
    '於姓',
    '宫商角徵羽',
    // Ordinary simplified copy.
    '株洲日报全媒体记者高晓燕',
    '只有一只',
    '干部干活',
  ])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('a name kept in the style book or for the story is not flagged', () => {
    const text = '演员鍾漢良出席了活動';
    const all = lintText(text).filter((f) => f.rule === 'traditional-character');
    expect(all.map((f) => text.slice(f.start, f.end))).toEqual(['鍾漢', '動']);
    const book = compileStylebook({ entries: [], keep: ['鍾漢良'] });
    expect(lintText(text, { house: { stylebook: book } }).map((f) => text.slice(f.start, f.end))).toEqual(['動']);
    expect(
      lintText(text, { house: { storyKeep: keepMatcher(['鍾漢良']) } }).map((f) => text.slice(f.start, f.end)),
    ).toEqual(['動']);
  });
});
