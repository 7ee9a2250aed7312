// Repeated marks, mixed quote styles, spaces between Chinese characters and full-width digits.
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText, type LintRule } from '../../../shared/rules/punctuation';

const findings = (text: string, rule: LintRule) => lintText(text).filter((f) => f.rule === rule);
const fix = (text: string, rule: LintRule) => applyFixes(text, findings(text, rule));

describe('repeated punctuation', () => {
  it.each([
    ['，，', '这是，，重复', '这是，重复'],
    ['。。', '结束。。', '结束。'],
    ['、、', '甲、、乙', '甲、乙'],
    ['；；', '一是；；二是', '一是；二是'],
    ['。。。 used as an ellipsis', '等等。。。', '等等……'],
    ['，。 at a sentence end', '结束，。', '结束。'],
    [',， of mixed width', '甲,，乙', '甲，乙'],
    ['four ！', '好！！！！', '好！！！'],
    ['a lone …', '等等…', '等等……'],
    ['three …', '等等………', '等等……'],
  ])('fixes %s', (_case, text, expected) => {
    expect(fix(text, 'repeated-punctuation')).toBe(expected);
  });

  it.each([
    ['……', '等等……'],
    ['a paragraph-long ellipsis ………… ', '…………'],
    ['——', '株洲——湘潭'],
    ['！！！ for strong feeling', '好！！！'],
    ['？！', '真的吗？！'],
    ['a full stop and a closing quote', '他说：“好。”'],
  ])('leaves %s alone', (_case, text) => {
    expect(findings(text, 'repeated-punctuation')).toEqual([]);
  });
});

describe('mixed quotation styles', () => {
  it('turns the minority style into the majority', () => {
    expect(fix('「你好」和“再见”和“早安”', 'mixed-quote-style')).toBe('“你好”和“再见”和“早安”');
    expect(fix('「你好」和「再见」和“早安”', 'mixed-quote-style')).toBe('「你好」和「再见」和「早安」');
  });

  it('prefers “” on a tie, the mainland standard', () => {
    expect(fix('「你好」和“再见”', 'mixed-quote-style')).toBe('“你好”和“再见”');
  });

  it.each(['“你好”‘再见’', '「你好『朋友』」', 'don’t「你好」'])('leaves one style alone: %s', (text) => {
    expect(findings(text, 'mixed-quote-style')).toEqual([]);
  });
});

describe('spaces between Chinese characters', () => {
  it.each([
    ['中 文', '中文'],
    ['中　文', '中文'],
    ['中  文 字', '中文字'],
  ])('removes the space in %s', (text, expected) => {
    expect(fix(text, 'space-between-chinese')).toBe(expected);
  });

  it.each(['中文 ABC 中文', 'Hello world', '中文\n中文', '2024 年'])('leaves %s alone', (text) => {
    expect(findings(text, 'space-between-chinese')).toEqual([]);
  });
});

describe('full-width digits and letters (GB/T 15835)', () => {
  it('makes them half-width', () => {
    expect(fix('２０２４年ＡＢＣ公司', 'fullwidth-alphanumeric')).toBe('2024年ABC公司');
  });

  it('leaves half-width and Chinese numerals alone', () => {
    expect(findings('2024年二〇二四年', 'fullwidth-alphanumeric')).toEqual([]);
  });
});
