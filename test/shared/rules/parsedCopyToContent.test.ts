// Importing parsed copy as an article: headline roles by line count, bylines with roles, photos in place, a notice's signature.
import { describe, expect, it } from 'vitest';
import { ArticleContentSchema } from '../../../shared/model/article';
import { parseCopy, parsedCopyToContent, type ParsedCopy } from '../../../shared/rules/parseCopy';
import { loadCopyFixtures } from './copyFixtures';

const PAPER = { paperName: '株洲日报' };
const base: ParsedCopy = {
  headlineLines: [],
  kind: 'story',
  source: '株洲日报',
  reporters: [],
  correspondents: [],
  paragraphs: ['正文。'],
  photos: [],
  signature: [],
};

describe('parsedCopyToContent', () => {
  it.each([
    [['主题'], { kicker: '', headline: '主题', subheadline: '' }],
    [['眉题', '主题'], { kicker: '眉题', headline: '主题', subheadline: '' }],
    [['眉题', '主题', '副题'], { kicker: '眉题', headline: '主题', subheadline: '副题' }],
    [['眉题', '主题', '副题', '又一行'], { kicker: '眉题', headline: '主题', subheadline: '副题 又一行' }],
    [[], { kicker: '', headline: '', subheadline: '' }],
  ])('maps headline lines %j to kicker, headline and subheadline', (lines, fields) => {
    expect(parsedCopyToContent({ ...base, headlineLines: lines })).toMatchObject(fields);
  });

  it('keeps reporters’ roles and correspondents from parseCopy’s result', () => {
    const content = parsedCopyToContent(
      parseCopy('标题\n\n株洲日报(全媒体记者/甲 记者/乙 通讯员/丙)日前,开工。', PAPER),
    );
    expect(content.bylines).toEqual([
      { role: '全媒体记者', name: '甲' },
      { role: '记者', name: '乙' },
    ]);
    expect(content.correspondents).toEqual([{ name: '丙' }]);
    expect(content.source).toBe('株洲日报');
  });

  it('falls back to 记者 and photos after the text for a result that lost its detail (went through JSON)', () => {
    const parsed = JSON.parse(
      JSON.stringify(parseCopy('标题\n\n株洲日报(全媒体记者/甲)开头。\n\n现场。 企业供图\n\n结尾。', PAPER)),
    ) as ParsedCopy;
    const content = parsedCopyToContent(parsed);
    expect(content.bylines).toEqual([{ role: '记者', name: '甲' }]);
    expect(content.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'photo']);
  });

  it('puts each photo where it stood, its credit structured', () => {
    const content = parsedCopyToContent(
      parseCopy('标题\n\n株洲日报(全媒体记者/甲)开头。\n\n现场。 全媒体记者 高晓燕 摄\n\n结尾。', PAPER),
    );
    expect(content.body).toEqual([
      { type: 'paragraph', children: [{ text: '开头。' }] },
      {
        type: 'photo',
        asset: null,
        caption: '现场。',
        credit: { kind: 'photographer', role: '全媒体记者', name: '高晓燕' },
        children: [{ text: '' }],
      },
      { type: 'paragraph', children: [{ text: '结尾。' }] },
    ]);
  });

  it('keeps a credit it cannot structure in the caption', () => {
    const content = parsedCopyToContent({ ...base, photos: [{ caption: '现场。', credit: '某某提供' }] });
    expect(content.body[1]).toMatchObject({ type: 'photo', caption: '现场。 某某提供', credit: null });
  });

  it('makes subheads subhead blocks', () => {
    const content = parsedCopyToContent(parseCopy('标题\n\n株洲日报(记者 甲)开头。\n\n二、加强协作\n\n结尾。', PAPER));
    expect(content.body.map((b) => b.type)).toEqual(['paragraph', 'subhead', 'paragraph']);
  });

  it('imports a notice as kind notice with signature blocks and no source', () => {
    const content = parsedCopyToContent(
      parseCopy('停水通告\n\n3月30日停水。\n\n株洲市自来水公司\n2024年3月29日', PAPER),
    );
    expect(content.kind).toBe('notice');
    expect(content.source).toBe('');
    expect(content.body.slice(-2)).toEqual([
      { type: 'signature', children: [{ text: '株洲市自来水公司' }] },
      { type: 'signature', children: [{ text: '2024年3月29日' }] },
    ]);
  });

  it('gives an empty copy one empty paragraph', () => {
    expect(parsedCopyToContent(parseCopy('', PAPER)).body).toEqual([{ type: 'paragraph', children: [{ text: '' }] }]);
  });

  it.each(loadCopyFixtures().map((f) => [f.name, f.text] as const))(
    'imports %s as valid article content',
    (_name, text) => {
      expect(() => ArticleContentSchema.parse(parsedCopyToContent(parseCopy(text, PAPER)))).not.toThrow();
    },
  );
});
