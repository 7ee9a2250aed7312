// Applying fixes: non-overlapping, right to left; linting a whole article by field and block; the sample stories come out clean.
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../shared/model/article';
import { emptyContent } from '../../../shared/model/article';
import { applyFixes, fixText, lintArticle, lintText, type Finding } from '../../../shared/rules/punctuation';
import { parseCopy, parsedCopyToContent } from '../../../shared/rules/parseCopy';
import { loadCopyFixtures } from './copyFixtures';

const finding = (start: number, end: number, replacement: string): Finding => ({
  rule: 'halfwidth-punctuation',
  start,
  end,
  message: '',
  fix: { start, end, replacement },
});

describe('applyFixes', () => {
  it('applies every fix with offsets into the original text', () => {
    expect(applyFixes('a,b,c', [finding(1, 2, '，'), finding(3, 4, '，')])).toBe('a，b，c');
  });

  it('does not depend on the order findings come in', () => {
    expect(applyFixes('a,b,c', [finding(3, 4, '——'), finding(1, 2, '')])).toBe('ab——c');
  });

  it('keeps the first of two overlapping fixes and drops the other', () => {
    expect(applyFixes('abcdef', [finding(1, 4, 'X'), finding(2, 5, 'Y')])).toBe('aXef');
  });

  it('applies insertions and ignores findings without a fix or beyond the text', () => {
    const noFix: Finding = { rule: 'unbalanced-bracket', start: 0, end: 1, message: '' };
    expect(applyFixes('ab', [finding(1, 1, '-'), noFix, finding(5, 6, '!')])).toBe('a-b');
  });

  it('fixText repeats until overlapping fixes have all had their turn', () => {
    expect(fixText('甲,,乙')).toBe('甲，乙');
    expect(fixText('他说:“好!!”。。')).toBe('他说：“好！！”。');
  });
});

describe('the sample stories after fixing', () => {
  it.each(loadCopyFixtures().map((f) => [f.name, f.text] as const))(
    '%s has no half-width punctuation left in Chinese context',
    (_name, text) => {
      const fixed = fixText(text);
      expect(lintText(fixed).filter((f) => f.rule === 'halfwidth-punctuation')).toEqual([]);
      expect(fixed).not.toMatch(/[\p{Script=Han}”）],|,[\p{Script=Han}“（]/u);
      // Fixing changes punctuation only: the words are all still there.
      expect(fixed.replace(/[\p{P}\s]/gu, '')).toBe(text.replace(/[\p{P}\s]/gu, ''));
    },
  );
});

describe('lintArticle', () => {
  const article: ArticleContent = {
    ...emptyContent(),
    kicker: '眉题,有逗号',
    headline: '坚持创新驱动 打造产业高地',
    subheadline: '',
    body: [
      { type: 'paragraph', children: [{ text: '第一段,' }, { text: '有逗号。', bold: true }] },
      {
        type: 'photo',
        asset: null,
        caption: '图片说明,有逗号。',
        credit: { kind: 'supplied', by: '企业' },
        children: [{ text: '' }],
      },
      { type: 'paragraph', children: [{ text: '“引文第一段，' }] },
      { type: 'paragraph', children: [{ text: '“引文第二段。”' }] },
      { type: 'subhead', children: [{ text: '小 标题' }] },
    ],
  };
  const findings = lintArticle(article);

  it('reports each finding with its field or block and offsets local to it', () => {
    expect(findings.map((f) => [f.location, f.rule, f.start])).toEqual([
      [{ field: 'kicker' }, 'halfwidth-punctuation', 2],
      [{ field: 'body', block: 0 }, 'halfwidth-punctuation', 3],
      [{ field: 'caption', block: 1 }, 'halfwidth-punctuation', 4],
      [{ field: 'body', block: 4 }, 'space-between-chinese', 1],
    ]);
    expect(findings[1]!.fix).toEqual({ start: 3, end: 4, replacement: '，' });
  });

  it('leaves the space that separates a headline’s parts alone', () => {
    expect(findings.some((f) => f.location.field === 'headline')).toBe(false);
  });

  it('accepts a quotation running over two paragraph blocks', () => {
    expect(findings.some((f) => f.rule === 'unbalanced-quote')).toBe(false);
  });

  it('lints every sample story imported as an article, fixes and all, without throwing', () => {
    for (const f of loadCopyFixtures()) {
      const content = parsedCopyToContent(parseCopy(f.text, { paperName: '株洲日报' }));
      const found = lintArticle(content);
      expect(found.length).toBeGreaterThan(0);
      for (const x of found) expect(x.start).toBeGreaterThanOrEqual(0);
    }
  });
});
