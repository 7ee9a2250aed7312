// Credit problems an editor must settle before a story goes to page.
import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../../../shared/model/article';
import type { PhotoCredit } from '../../../shared/model/people';
import { creditCheck } from '../../../shared/rules/creditCheck';

const photo = (credit: PhotoCredit | null) => ({
  type: 'photo' as const,
  asset: null,
  caption: '图片说明。',
  credit,
  children: [{ text: '' }] as [{ text: '' }],
});
const para = { type: 'paragraph' as const, children: [{ text: '正文。' }] };
const story = (patch: Partial<ArticleContent>): ArticleContent => ({
  ...emptyContent(),
  source: '株洲日报',
  bylines: [{ role: '全媒体记者', name: '高晓燕' }],
  body: [para],
  ...patch,
});
const codes = (content: ArticleContent, knownRoles?: readonly string[]) =>
  creditCheck(content, knownRoles ? { knownRoles } : {}).map((p) => [p.code, p.block ?? null]);

describe('creditCheck', () => {
  it('finds nothing wrong with a credited story', () => {
    expect(creditCheck(story({ body: [para, photo({ kind: 'supplied', by: '企业' })] }))).toEqual([]);
  });

  it.each<[string, Partial<ArticleContent>, (string | number | null)[][]]>([
    [
      'a photo without credit, with its block index',
      { body: [para, photo(null), para, photo(null)] },
      [
        ['photo_without_credit', 1],
        ['photo_without_credit', 3],
      ],
    ],
    ['no byline and no source', { bylines: [], source: '  ' }, [['no_byline_or_source', null]]],
    [
      'the same person as reporter and correspondent',
      { correspondents: [{ name: '高 晓燕' }] },
      [['reporter_is_correspondent', null]],
    ],
    [
      'a photographer role the paper does not print',
      { body: [photo({ kind: 'photographer', role: '摄影师', name: '张三' })] },
      [['unknown_credit_role', 0]],
    ],
  ])('reports %s', (_case, patch, expected) => {
    expect(codes(story(patch))).toEqual(expected);
  });

  it.each<[string, Partial<ArticleContent>]>([
    ['a byline without a source', { source: '' }],
    ['a source without a byline (wire copy)', { bylines: [], source: '新华社' }],
    ['a notice, which its organisation signs', { kind: 'notice', bylines: [], source: '' }],
    ['a photographer with no role printed', { body: [photo({ kind: 'photographer', role: '', name: '张三' })] }],
    ['an agency photographer', { body: [photo({ kind: 'photographer', role: '新华社记者', name: '李贺' })] }],
    ['a correspondent who took the photo', { body: [photo({ kind: 'photographer', role: '通讯员', name: '张三' })] }],
    ['different people as reporter and correspondent', { correspondents: [{ name: '尹照' }] }],
  ])('accepts %s', (_case, patch) => {
    expect(creditCheck(story(patch))).toEqual([]);
  });

  it('checks bylines and photo credits against the paper’s own list of roles', () => {
    const content = story({
      bylines: [{ role: '特约记者', name: '甲' }],
      body: [photo({ kind: 'photographer', role: '记者', name: '乙' })],
    });
    expect(codes(content, ['全媒体记者', '通讯员'])).toEqual([
      ['unknown_credit_role', null],
      ['unknown_credit_role', 0],
    ]);
    expect(creditCheck(content, { knownRoles: ['全媒体记者'] })[0]).toMatchObject({ name: '甲', role: '特约记者' });
  });

  it('reports a person in both lists once, with a message in Chinese', () => {
    const problems = creditCheck(
      story({
        bylines: [
          { role: '记者', name: '甲' },
          { role: '全媒体记者', name: '甲' },
        ],
        correspondents: [{ name: '甲' }],
      }),
    );
    expect(problems).toEqual([
      { code: 'reporter_is_correspondent', message: '“甲”同时署名为记者和通讯员', name: '甲' },
    ]);
  });
});
