import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakHeadline, HEADLINE_BREAK } from '../../../shared/proof/headlineBreak';
import { NO_LINE_END, NO_LINE_START } from '../../../shared/rules/pageplan/kinsoku';
import { headlineHtml, headlineMeasure } from '../../../shared/proof/headlineLines';
import { emptyContent } from '../../../shared/model/article';
import { BROADSHEET_GEOMETRY } from '../../../shared/model/pageGeometry';
import { pageGrid, regionBox } from '../../../shared/rules/pageplan/pageGrid';
import { slotCapacity } from '../../../shared/rules/pageplan/slotCapacity';

describe('breaking a headline', () => {
  it.each<[string, string, number, string[], string[]?]>([
    ['fits on one line', '株洲新建三座桥', 10, ['株洲新建三座桥']],
    [
      'breaks where the editor put a break',
      `株洲123个项目${HEADLINE_BREAK}集中开工`,
      20,
      ['株洲123个项目', '集中开工'],
    ],
    // Greedy at 8 would leave 「开工」 alone on the last line; balanced by whole words: 6 and 4.
    [
      'balances two lines instead of a two-character last line',
      '株洲十个项目集中开工',
      8,
      ['株洲十个项目', '集中开工'],
    ],
    ['keeps words whole while balancing', '株洲市政府项目集中开工', 9, ['株洲市政府', '项目集中开工']],
    ['never breaks inside a quoted title', '市民热议《株洲日报》改版', 8, ['市民热议', '《株洲日报》改版']],
    ['never breaks inside a number', '株洲2026年项目集中开工', 9, ['株洲2026年', '项目集中开工']],
    ['never breaks inside a name it is told', '市长王小明走访株洲企业', 7, ['市长王小明', '走访株洲企业'], ['王小明']],
    ['never breaks inside an interpunct name', '约翰·史密斯来株洲访问', 8, ['约翰·史密斯', '来株洲访问']],
    ['keeps closing punctuation off the line start', '项目开工，市民欢迎好消息', 7, ['项目开工，市民', '欢迎好消息']],
  ])('%s', (_name, headline, perLine, lines, names) => {
    expect(breakHeadline(headline, perLine, names)).toEqual(lines);
  });

  it('keeps every character, in order, and never breaks against the 禁则 rules', () => {
    const han = fc.constantFrom(...'株洲市新建项目开工集中发展经济文化城市建设'.split(''));
    const punct = fc.constantFrom('，', '、', '：', '《', '》', '“', '”');
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 6, arbitrary: han }, { weight: 1, arbitrary: punct }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 4, max: 16 }),
        (chars, perLine) => {
          const text = chars.join('');
          const lines = breakHeadline(text, perLine);
          expect(lines.join('')).toBe(text.replace(/\s/g, ''));
          if (lines.length > 1 && lines.every((l) => [...l].length <= perLine)) {
            for (const l of lines.slice(1)) expect(NO_LINE_START.includes([...l][0]!)).toBe(false);
            for (const l of lines.slice(0, -1)) expect(NO_LINE_END.includes([...l].at(-1)!)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the proof’s headline', () => {
  it('sets a long headline in a narrow slot as balanced lines, a name in the credits kept whole', () => {
    const grid = pageGrid(BROADSHEET_GEOMETRY);
    const region = { col: 0, cols: 2, line: 0, lines: 40, photos: 0, headline: 'medium' as const };
    const layout = {
      domId: 'x',
      region,
      box: regionBox(region, grid),
      capacity: slotCapacity(region, grid),
      headLines: 7,
      bandLines: 0,
    };
    // Two columns at 26 pt hold 8 full-width characters a line.
    expect(headlineMeasure(layout)).toBe(8);
    const html = headlineHtml(
      {
        ...emptyContent(),
        id: 'a-x',
        status: 'approved',
        headline: '全国劳模李建国走访株洲企业',
        bylines: [{ role: '记者', name: '李建国' }],
      },
      layout,
    );
    expect(html).toBe('<span class="np-hl">全国劳模李建国</span><br><span class="np-hl">走访株洲企业</span>');
  });
});
