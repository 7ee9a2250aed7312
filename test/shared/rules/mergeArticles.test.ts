import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { mergeArticles } from '../../../shared/rules/mergeArticles';

const story = (headline: string, ...paras: string[]): ArticleContent => ({
  ...emptyContent(),
  headline,
  body: paras.map(paragraph),
});
const texts = (c: ArticleContent) =>
  c.body.map((b) => (b.type === 'photo' ? '' : b.children.map((l) => l.text).join('')));

describe('merging two edits of one story', () => {
  const base = story('标题', '甲段。', '乙段。', '丙段。');

  it('takes each side’s change when they touched different paragraphs and fields', () => {
    const mine = story('标题', '甲段，记者补充。', '乙段。', '丙段。');
    const theirs = { ...story('编辑改的标题', '甲段。', '乙段。', '丙段，编辑改过。'), source: '株洲日报' };
    const r = mergeArticles(base, mine, theirs);
    expect(r.content.headline).toBe('编辑改的标题');
    expect(r.content.source).toBe('株洲日报');
    expect(texts(r.content)).toEqual(['甲段，记者补充。', '乙段。', '丙段，编辑改过。']);
    expect(r).toMatchObject({ fieldConflicts: [], bodyConflicts: 0 });
  });

  it('merges edits to neighbouring paragraphs, which plain diff3 would call a conflict', () => {
    const mine = story('标题', '甲段，记者补充。', '乙段。', '丙段。');
    const theirs = story('标题', '甲段。', '乙段，编辑改过。', '丙段。');
    const r = mergeArticles(base, mine, theirs);
    expect(texts(r.content)).toEqual(['甲段，记者补充。', '乙段，编辑改过。', '丙段。']);
    expect(r.bodyConflicts).toBe(0);
  });

  it('keeps both versions of a paragraph both changed, mine first, and counts it', () => {
    const mine = story('标题', '甲段（记者版）。', '乙段。', '丙段。');
    const theirs = story('标题', '甲段（编辑版）。', '乙段。', '丙段。');
    const r = mergeArticles(base, mine, theirs);
    expect(texts(r.content)).toEqual(['甲段（记者版）。', '甲段（编辑版）。', '乙段。', '丙段。']);
    expect(r.bodyConflicts).toBe(1);
  });

  it('keeps mine for a field both changed differently, and names it', () => {
    const r = mergeArticles(
      base,
      story('记者标题', '甲段。', '乙段。', '丙段。'),
      story('编辑标题', '甲段。', '乙段。', '丙段。'),
    );
    expect(r.content.headline).toBe('记者标题');
    expect(r.fieldConflicts).toEqual(['headline']);
  });

  it('merges an added paragraph on one side with a deleted one on the other', () => {
    const mine = story('标题', '甲段。', '乙段。', '丙段。', '丁段（新增）。');
    const theirs = story('标题', '甲段。', '丙段。');
    expect(texts(mergeArticles(base, mine, theirs).content)).toEqual(['甲段。', '丙段。', '丁段（新增）。']);
  });

  it('agrees with itself: identical changes are no conflict', () => {
    const both = story('新标题', '甲段。', '乙段改。', '丙段。');
    const r = mergeArticles(base, both, both);
    expect(r).toMatchObject({ fieldConflicts: [], bodyConflicts: 0 });
    expect(texts(r.content)).toEqual(['甲段。', '乙段改。', '丙段。']);
  });
});
