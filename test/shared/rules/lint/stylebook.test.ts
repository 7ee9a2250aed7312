/** The paper's style book: entries found in one scan, exceptions and scope honoured, each finding naming its entry. */
import { describe, expect, it } from 'vitest';
import type { StylebookEntry } from '../../../../shared/model/stylebook';
import { applyFixes, lintText } from '../../../../shared/rules/punctuation';
import { leftmostLongest, TermMatcher } from '../../../../shared/rules/lint/ahoCorasick';
import { checkStylebook, compileStylebook } from '../../../../shared/rules/lint/stylebookRule';

const e = (wrong: string, right: string, more: Partial<StylebookEntry> = {}): StylebookEntry => ({
  wrong,
  right,
  reason: '',
  severity: 'must',
  scope: 'substring',
  exceptions: [],
  ...more,
});
const run = (text: string, entries: StylebookEntry[], keep: string[] = []) =>
  checkStylebook(text, new Uint8Array(text.length), compileStylebook({ entries, keep }));

describe('the style book rule', () => {
  it('finds every entry in one scan, as 5,000 indexOf passes would', () => {
    const terms = Array.from({ length: 300 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}${i % 7}`);
    terms.push('她', '他们', '们的', '的');
    const text = `${terms.slice(0, 50).join('，')}他们的她的`;
    const matcher = new TermMatcher(terms);
    const naive = terms.flatMap((t, term) => {
      const out = [];
      for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1))
        out.push({ term, start: at, end: at + t.length });
      return out;
    });
    const key = (m: { term: number; start: number }) => `${m.start}:${m.term}`;
    expect(matcher.findAll(text).map(key).sort()).toEqual(naive.map(key).sort());
    // Overlaps read leftmost then longest: 他们 wins over 们的, then 的 stands alone.
    expect(leftmostLongest(new TermMatcher(['他们', '们的', '的']).findAll('他们的')).map((m) => m.term)).toEqual([
      0, 2,
    ]);
  });

  it('fixes with the right form, names the entry, carries its severity', () => {
    const text = '其它国家的企业按装了设备';
    const found = run(text, [
      e('其它', '其他', { reason: '本报统一用“其他”' }),
      e('按装', '安装', { severity: 'suggest' }),
    ]);
    expect(found.map((f) => [f.message, f.source, f.severity])).toEqual([
      ['“其它”应作“其他”：本报统一用“其他”', '本报用语规范：其它 → 其他', 'must'],
      ['“按装”应作“安装”', '本报用语规范：按装 → 安装', 'suggest'],
    ]);
    expect(applyFixes(text, found)).toBe('其他国家的企业安装了设备');
  });

  it('leaves an entry’s exceptions and the kept names and titles alone', () => {
    const entries = [e('想像', '想象', { exceptions: ['《想像的共同体》'] })];
    expect(run('《想像的共同体》一书激发想像', entries).map((f) => f.start)).toEqual([12]);
    expect(run('作家王想像来访', [e('想像', '想象')], ['王想像'])).toEqual([]);
  });

  it('matches a whole-word entry only where it stands alone', () => {
    const entries = [e('CPU', '中央处理器', { scope: 'word' })];
    expect(run('CPU占用高', entries)).toHaveLength(1);
    expect(run('CPUs和GPU', entries)).toEqual([]);
  });

  it('runs inside lintText only when a book is given, and stays out of URLs', () => {
    const book = compileStylebook({ entries: [e('其它', '其他'), e('qita', '其他')], keep: [] });
    expect(lintText('其它').filter((f) => f.rule === 'stylebook')).toEqual([]);
    const text = '见 https://example.com/qita 的其它';
    const found = lintText(text, { house: { stylebook: book } }).filter((f) => f.rule === 'stylebook');
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['其它']);
  });
});
