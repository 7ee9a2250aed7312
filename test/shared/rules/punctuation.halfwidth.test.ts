// Half-width , ( ) : ; ! ? in Chinese text are flagged and fixed to full-width; numbers, times, URLs and Latin are left alone.
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../../shared/rules/punctuation';

const only = (text: string) => lintText(text).filter((f) => f.rule === 'halfwidth-punctuation');
const fix = (text: string) => applyFixes(text, only(text));

describe('half-width punctuation in Chinese context', () => {
  it.each([
    ['comma between Chinese', '日前,工信部公布', '日前，工信部公布'],
    ['comma after a number', '投资8亿元,计划2027年完成', '投资8亿元，计划2027年完成'],
    ['comma after a percentage', '占62.6%,基础设施', '占62.6%，基础设施'],
    ['comma after a closing quote', '“互联网+”,推动', '“互联网+”，推动'],
    ['comma after Latin before Chinese', '基于ERP,实现协同', '基于ERP，实现协同'],
    ['comma and the space after it', '日前, 工信部公布', '日前，工信部公布'],
    [
      'brackets around Chinese',
      '泰鑫瓷业有限公司(以下简称“泰鑫瓷业”)的平台',
      '泰鑫瓷业有限公司（以下简称“泰鑫瓷业”）的平台',
    ],
    [
      'brackets with Chinese content after Latin',
      '基于ERP(企业资源管理系统)、供应商门户',
      '基于ERP（企业资源管理系统）、供应商门户',
    ],
    ['brackets with Latin content in Chinese', '国内生产总值(GDP)增长', '国内生产总值（GDP）增长'],
    ['colon after Chinese', '电话:0731', '电话：0731'],
    ['semicolon between clauses', '配套设施;二期新建', '配套设施；二期新建'],
    ['exclamation after Chinese', '“砰!”24日', '“砰！”24日'],
    ['stacked exclamations', '好!!', '好！！'],
    ['question mark after Chinese', '怎么办?', '怎么办？'],
    ['a lone bracket in Chinese', '（一)加强领导', '（一）加强领导'],
    ['pair of straight quotes around Chinese', '他称之为"书香校园"的成果', '他称之为“书香校园”的成果'],
    ['pair of straight quotes after a colon', '他说:"好的。"', '他说：“好的。”'],
    ['pair of straight quotes around Latin in Chinese', '他说"OK"。', '他说“OK”。'],
    ['full stop ending a Chinese sentence', '今天开工.明天验收.', '今天开工。明天验收。'],
    ['full stop and the space after it', '今天开工. 明天验收。', '今天开工。明天验收。'],
    ['full stop inside a closing quote', '“好的.”他说', '“好的。”他说'],
    ['full stop after a closing quote', '他称之为“书香校园”.', '他称之为“书香校园”。'],
  ])('fixes a %s', (_case, text, expected) => {
    expect(fix(text)).toBe(expected);
  });

  it.each([
    ['a thousands separator', '共1,000人参加'],
    ['a time', '8:00至18:00'],
    ['a ratio', '比例为1:2'],
    ['a decimal', '增长3.5个百分点'],
    ['a URL', '访问http://example.com/a?b=1,c=2(x)'],
    ['an e-mail address', '发邮件至a.b@x.com'],
    ['a phone number with its area code in brackets', '电话(0731)28888888'],
    ['a mobile number', '手机13812345678'],
    ['Latin text', 'Hello, world! The ERP (Enterprise) system: ready; ok?'],
    ['a Latin brand', 'Yahoo!'],
    ['straight quotes in Latin text', 'he said "yes" and "no"'],
    ['a lone straight quote (the balance rule flags it)', '他说"好'],
    ['a decimal with Chinese after it', '增长3.5个百分点'],
    ['a numbered item', '1.报名时间'],
    ['an abbreviation before Chinese', '美国Apple Inc. 公司'],
    ['an ellipsis typed as dots', '等等...'],
    ['a domain at the end of a sentence', '访问www.example.com.'],
    ['a file name', '附件：名单.xlsx'],
  ])('leaves %s alone', (_case, text) => {
    expect(only(text)).toEqual([]);
  });

  it('flags each character with a zh-CN message and a one-character span', () => {
    const [finding] = only('日前,工信部');
    expect(finding).toEqual({
      rule: 'halfwidth-punctuation',
      start: 2,
      end: 3,
      message: '中文语境应使用全角逗号“，”',
      fix: { start: 2, end: 3, replacement: '，' },
    });
  });

  it('judges a bracket pair together: both brackets change or neither does', () => {
    const findings = only('公司(以下简称“泰鑫瓷业”)的');
    expect(findings.map((f) => f.fix?.replacement)).toEqual(['（', '）']);
  });

  it('leaves full-width punctuation alone', () => {
    expect(only('日前，工信部公布（名单）：好！对吗？是；')).toEqual([]);
  });
});
