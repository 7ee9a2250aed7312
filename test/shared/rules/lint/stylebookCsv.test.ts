/** CSV in and out: a round trip keeps every field; a file with a bad row is refused whole, by line. */
import { describe, expect, it } from 'vitest';
import { parseStylebookCsv, StylebookCsvError, stylebookToCsv } from '../../../../shared/rules/lint/stylebookCsv';

const HEADER = '错误写法,正确写法,原因,级别,范围,例外';

describe('the style book as CSV', () => {
  it('round-trips entries, quoted commas, exceptions and kept words', () => {
    const text = `\uFEFF${HEADER}\n其它,其他,本报统一,必改,子串,\n"按,装",安装,"错字, 常见",建议,整词,甲｜乙\n\n鍾漢良,,,保留,,\n`;
    const book = parseStylebookCsv(text);
    expect(book).toEqual({
      entries: [
        { wrong: '其它', right: '其他', reason: '本报统一', severity: 'must', scope: 'substring', exceptions: [] },
        {
          wrong: '按,装',
          right: '安装',
          reason: '错字, 常见',
          severity: 'suggest',
          scope: 'word',
          exceptions: ['甲', '乙'],
        },
      ],
      keep: ['鍾漢良'],
    });
    expect(parseStylebookCsv(stylebookToCsv(book))).toEqual(book);
  });

  it('refuses the whole file, naming each bad line (blank lines counted)', () => {
    const text = `${HEADER}\n其它,其他,,必改,子串,\n\n坏,好,,很重要,,\n其它,其他,,必改,,\n同,同,,必改,,\n,空,,必改,,\n`;
    let error: unknown;
    try {
      parseStylebookCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StylebookCsvError);
    expect((error as StylebookCsvError).problems.map((p) => p.line)).toEqual([4, 5, 6, 7]);
    expect((error as StylebookCsvError).message).toContain('第 4 行：级别“很重要”应为 必改、建议 或 保留');
    expect((error as StylebookCsvError).message).toContain('第 5 行：“其它”已在第 2 行');
  });

  it('refuses a file without the header', () => {
    expect(() => parseStylebookCsv('其它,其他\n')).toThrow(StylebookCsvError);
  });
});
