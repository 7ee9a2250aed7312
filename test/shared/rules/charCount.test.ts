import { describe, expect, it } from 'vitest';
import { countArticle, countChars } from '../../../shared/rules/charCount';
import { emptyContent } from '../../../shared/model/article';

describe('字数 counts non-whitespace characters', () => {
  it.each([
    ['', 0],
    ['   \n\t', 0],
    ['株洲日报', 4],
    ['株洲 日报', 4],
    ['全角　空格', 4],
    ['2024年', 5],
    ['ERP(企业资源管理系统)', 13],
    ['“砰！”', 4],
    ['𠀀字', 2],
    ['a b\nc', 3],
  ])('%j has %i characters', (text, n) => {
    expect(countChars(text)).toBe(n);
  });

  it('counts headline fields, body and captions apart', () => {
    const counts = countArticle({
      ...emptyContent(),
      kicker: '两株企获评',
      headline: '国家级工业互联网试点示范',
      subheadline: '',
      body: [
        { type: 'paragraph', children: [{ text: '日前，' }, { text: '工信部', bold: true }] },
        { type: 'subhead', children: [{ text: '小标题' }] },
        {
          type: 'photo',
          asset: null,
          caption: '图片说明',
          credit: { kind: 'supplied', by: '企业' },
          children: [{ text: '' }],
        },
      ],
    });
    expect(counts).toEqual({ kicker: 5, headline: 12, subheadline: 0, body: 9, captions: 4 });
  });
});
