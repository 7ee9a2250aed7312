import { describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/model/article';
import { fixArticle, replaceInLeaves } from '../../../shared/rules/fixArticle';

describe('fixing an article', () => {
  it.each([
    [[{ text: '日前,工信部' }], { start: 2, end: 3, replacement: '，' }, [{ text: '日前，工信部' }]],
    [
      [{ text: '日前' }, { text: ',工信部', bold: true as const }],
      { start: 2, end: 3, replacement: '，' },
      [{ text: '日前' }, { text: '，工信部', bold: true }],
    ],
    [
      [{ text: '甲,' }, { text: ',乙', bold: true as const }],
      { start: 1, end: 3, replacement: '，' },
      [{ text: '甲，' }, { text: '乙', bold: true }],
    ],
    [[{ text: '结尾' }], { start: 2, end: 2, replacement: '。' }, [{ text: '结尾。' }]],
    [[{ text: ',' }], { start: 0, end: 1, replacement: '' }, [{ text: '' }]],
  ])('replaces across bold runs: %j', (leaves, fix, expected) => {
    expect(replaceInLeaves(leaves, fix)).toEqual(expected);
  });

  it('fixes half-width punctuation in headline fields, body and captions, keeping bold', () => {
    const fixed = fixArticle({
      ...emptyContent(),
      kicker: '两株企获评:国家级',
      body: [
        {
          type: 'paragraph',
          children: [{ text: '日前,' }, { text: '工信部公布了名单', bold: true }, { text: '(共两家)。' }],
        },
        { type: 'photo', asset: null, caption: '现场,工人正在作业。', credit: null, children: [{ text: '' }] },
      ],
    });
    expect(fixed.kicker).toBe('两株企获评：国家级');
    expect(fixed.body[0]).toEqual({
      type: 'paragraph',
      children: [{ text: '日前，' }, { text: '工信部公布了名单', bold: true }, { text: '（共两家）。' }],
    });
    expect(fixed.body[1]).toMatchObject({ caption: '现场，工人正在作业。' });
  });
});
