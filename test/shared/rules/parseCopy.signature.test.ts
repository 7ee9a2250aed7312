// A notice's 落款 is found before column-break repair, so no organisation line is glued onto the contact line above it.
import { describe, expect, it } from 'vitest';
import { parseCopy } from '../../../shared/rules/parseCopy';

const PAPER = { paperName: '株洲日报' };
const notice = (...closing: string[]) =>
  parseCopy(['关于公开征集问题线索的公告', '', '现面向社会公开征集问题线索。', '', ...closing].join('\n'), PAPER);

describe('a notice’s closing lines', () => {
  it.each([
    ['a 邮政信箱 line', '邮政信箱：株洲市123号信箱', '株洲市公安局'],
    ['a 邮政信箱 line before an organisation with an ending we do not list', '邮政信箱：株洲市123号信箱', '株洲市妇联'],
    ['a 举报信箱 line', '举报信箱：株洲市天元区黄河北路1号', '中共株洲市纪委'],
    ['a 来信地址 line', '来信地址：株洲市天元区黄河北路1号', '石峰区科协'],
    ['a 报名电话 line', '报名电话：0731-28888888', '株洲市总工会'],
  ])('keeps %s in the body and the organisation in the signature', (_case, contact, organisation) => {
    expect(notice(contact, organisation, '2024年3月29日')).toMatchObject({
      kind: 'notice',
      paragraphs: ['现面向社会公开征集问题线索。', contact],
      signature: [organisation, '2024年3月29日'],
    });
  });

  it('does not glue an organisation onto a contact line when the notice has no date', () => {
    expect(notice('邮政信箱：株洲市123号信箱', '株洲市妇联').paragraphs).toContain('邮政信箱：株洲市123号信箱');
  });

  it.each([
    ['a short body line that names no place', '欢迎报名'],
    ['a short line with digits', '来信请寄123号信箱'],
  ])('leaves %s above the date in the body', (_case, line) => {
    expect(notice(line, '2024年3月29日')).toMatchObject({
      paragraphs: ['现面向社会公开征集问题线索。', line],
      signature: ['2024年3月29日'],
    });
  });
});
