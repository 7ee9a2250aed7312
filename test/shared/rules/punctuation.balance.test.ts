// Brackets and quotes must close within their paragraph, except a quotation running over paragraphs (GB/T 15834 4.1.3.4).
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../../shared/rules/punctuation';

const brackets = (text: string) => lintText(text).filter((f) => f.rule === 'unbalanced-bracket');
const quotes = (text: string) => lintText(text).filter((f) => f.rule === 'unbalanced-quote');

describe('unbalanced brackets', () => {
  it.each([
    ['an unclosed （', '公司（以下简称泰鑫', [2]],
    ['a stray ）', '以下简称）泰鑫', [4]],
    ['an unclosed 《', '《人民日报报道', [0]],
    ['a bracket left open at the end of a paragraph', '公司（以下\n简称）', [2, 8]],
    ['crossed pairs', '《（书名》）', [1, 5]],
  ])('flags %s', (_case, text, starts) => {
    expect(brackets(text).map((f) => f.start)).toEqual(starts);
  });

  it.each([
    ['balanced pairs', '公司（以下简称《泰鑫》【注】）'],
    ['half- and full-width of one pair', '公司（以下简称)'],
    ['a numbered list', '1)第一项\n2)第二项\n（3）第三项'],
    ['brackets inside a URL', '见http://example.com/a_(b)'],
  ])('leaves %s alone', (_case, text) => {
    expect(brackets(text)).toEqual([]);
  });

  it('gives no fix: only the editor knows where the bracket belongs', () => {
    expect(brackets('公司（以下')[0]?.fix).toBeUndefined();
  });
});

describe('unbalanced quotes', () => {
  it.each([
    ['an unclosed “', '他说：“好。', [3]],
    ['a stray ”', '他说：好。”', [5]],
    ['an unclosed ‘ inside “”', '“他说‘好。”', [3]],
    ['an odd number of straight quotes', 'he said "yes', [8]],
    ['an opener left open at a paragraph the next does not continue', '“第一段\n第二段。', [0]],
  ])('flags %s', (_case, text, starts) => {
    expect(quotes(text).map((f) => f.start)).toEqual(starts);
  });

  it.each([
    ['balanced nesting', '他说：“我读了‘书香校园’的报道。”'],
    ['corner quotes', '「你好『朋友』」'],
    ['a quotation over three paragraphs', '“第一段，\n“第二段，\n“第三段。”'],
    ['an apostrophe', 'don’t stop'],
    ['straight quotes in pairs', 'he said "yes" and "no"'],
  ])('leaves %s alone', (_case, text) => {
    expect(quotes(text)).toEqual([]);
  });

  it('turns a closing quote typed as an opener the right way round', () => {
    const text = '“泰鑫瓷业“的平台';
    expect(applyFixes(text, quotes(text))).toBe('“泰鑫瓷业”的平台');
  });

  it('does not “fix” a nested quote written with the same marks', () => {
    const text = '“他说“好”。”';
    expect(quotes(text).every((f) => !f.fix)).toBe(true);
  });
});
