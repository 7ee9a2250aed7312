import { describe, expect, it } from 'vitest';
import { plainTextParagraphs } from '../../renderer/editor/paste/plainTextParagraphs';

describe('pasted plain text becomes paragraphs', () => {
  it.each<[string, string, string[]]>([
    ['blank lines separate', '第一段。\n\n第二段。', ['第一段。', '第二段。']],
    ['single newlines separate too', '第一段。\n第二段。', ['第一段。', '第二段。']],
    ['full-width indentation is dropped', '　　日前，工信部公布了名单。', ['日前，工信部公布了名单。']],
    [
      'a column break mid-sentence is joined',
      '后服务团队迅速响应,与重庆公交集团对接落实大赛用车的车型、数量和\n\n线路,组织驾驶员培训。',
      ['后服务团队迅速响应,与重庆公交集团对接落实大赛用车的车型、数量和线路,组织驾驶员培训。'],
    ],
    [
      'a line ending in a comma continues',
      '株洲市今年以来，\n全市重点项目完成投资。',
      ['株洲市今年以来，全市重点项目完成投资。'],
    ],
    [
      'a short unpunctuated line is a heading, not a broken sentence',
      '项目建设提速\n\n今年以来，全市重点项目完成投资。',
      ['项目建设提速', '今年以来，全市重点项目完成投资。'],
    ],
    ['CRLF and a byte-order mark are handled', '\uFEFF第一段。\r\n第二段。', ['第一段。', '第二段。']],
    ['nothing but whitespace gives nothing', ' \n\t\n　', []],
  ])('%s', (_name, text, expected) => {
    expect(plainTextParagraphs(text)).toEqual(expected);
  });
});
