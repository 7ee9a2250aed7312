// Who filed the story: our paper's byline prefix and wire datelines at the top of the lead.
import { describe, expect, it } from 'vitest';
import { parseCopy, parseCopyDetailed } from '../../../shared/rules/parseCopy';

const PAPER = { paperName: '株洲日报' };
const story = (lead: string) => `标题一行\n\n${lead}\n\n第二段。`;

describe('our paper’s byline prefix', () => {
  it.each([
    ['half-width brackets', '株洲日报(全媒体记者/甲 通讯员/乙 丙)日前,开工。', ['甲'], ['乙', '丙']],
    ['full-width brackets', '株洲日报（全媒体记者/甲 通讯员/乙 丙）日前，开工。', ['甲'], ['乙', '丙']],
    [
      'names joined by 、',
      '株洲日报(全媒体记者/张三、李四 通讯员/王五、赵六)日前,开工。',
      ['张三', '李四'],
      ['王五', '赵六'],
    ],
    ['groups joined by ·', '株洲日报(全媒体记者/陈正明·通讯员/尹照)日前,开工。', ['陈正明'], ['尹照']],
    ['roles without a slash', '株洲日报(记者 张三 实习生 李四)日前,开工。', ['张三', '李四'], []],
    ['特约记者 and 特约通讯员', '株洲日报(特约记者/张三 特约通讯员/李四)日前,开工。', ['张三'], ['李四']],
    ['株洲日报讯 form', '株洲日报讯(记者 张三)日前,开工。', ['张三'], []],
    ['本报讯 form', '本报讯（记者 张三 通讯员 李四）日前，开工。', ['张三'], ['李四']],
    ['a space after the bracket', '株洲日报(全媒体记者/张三)  日前,开工。', ['张三'], []],
  ])('removes the prefix with %s and files reporters and correspondents', (_case, lead, reporters, correspondents) => {
    const parsed = parseCopy(story(lead), PAPER);
    expect(parsed.source).toBe('株洲日报');
    expect(parsed.reporters).toEqual(reporters);
    expect(parsed.correspondents).toEqual(correspondents);
    expect(parsed.paragraphs[0]).toMatch(/^日前[,，]开工。$/);
    expect(parsed.headlineLines).toEqual(['标题一行']);
  });

  it('takes the paper’s name from the options, not from a constant', () => {
    const parsed = parseCopy(story('湘潭日报(全媒体记者/张三)日前,开工。'), { paperName: '湘潭日报' });
    expect(parsed.source).toBe('湘潭日报');
    expect(parsed.reporters).toEqual(['张三']);
    expect(parseCopy(story('本报讯(记者 张三)日前,开工。'), { paperName: '湘潭日报' }).source).toBe('湘潭日报');
  });

  it('keeps every reporter’s role as printed, one the paper’s list lacks included (issue 22: 见习记者 is not 其他)', () => {
    const detail = parseCopyDetailed(
      story('株洲日报(全媒体记者/甲 记者/乙 实习生/丙 见习记者/丁 通讯员/戊)日前,开工。'),
      PAPER,
    );
    expect(detail.reporterBylines).toEqual([
      { role: '全媒体记者', printedRole: '全媒体记者', name: '甲' },
      { role: '记者', printedRole: '记者', name: '乙' },
      { role: '实习生', printedRole: '实习生', name: '丙' },
      { role: '见习记者', printedRole: '见习记者', name: '丁' },
    ]);
    expect(detail.correspondents).toEqual(['戊']);
  });

  it('reads a byline on a line of its own before the lead', () => {
    const parsed = parseCopy('标题\n\n株洲日报全媒体记者 张三 通讯员 李四\n\n日前,开工。', PAPER);
    expect(parsed).toMatchObject({
      source: '株洲日报',
      reporters: ['张三'],
      correspondents: ['李四'],
      paragraphs: ['日前,开工。'],
    });
  });

  it('reads our paper’s byline in front of the lead without brackets, role by role', () => {
    const parsed = parseCopy(story('株洲日报全媒体记者 高晓燕 通讯员 张三 3月29日,开工。'), PAPER);
    expect(parsed).toMatchObject({ source: '株洲日报', reporters: ['高晓燕'], correspondents: ['张三'] });
    expect(parsed.paragraphs[0]).toBe('3月29日,开工。');
  });

  it('finds the byline on the first line when the story has no headline', () => {
    const parsed = parseCopy('株洲日报(全媒体记者/张三)日前,开工。\n\n第二段。', PAPER);
    expect(parsed.headlineLines).toEqual([]);
    expect(parsed.paragraphs).toEqual(['日前,开工。', '第二段。']);
  });

  it.each([
    ['an aside in brackets', '株洲日报(以下简称“本报”)报道,开工。'],
    ['a role with no name', '株洲日报(记者)日前,开工。'],
    ['a name too long to be one', '株洲日报(记者/日前举行开工仪式)开工。'],
  ])('leaves the lead alone when the bracket is %s', (_case, lead) => {
    const parsed = parseCopy(story(lead), PAPER);
    expect(parsed.paragraphs[0]).toBe(lead);
    expect(parsed.reporters).toEqual([]);
  });

  it('does not read a headline such as 记者手记 as a byline', () => {
    const parsed = parseCopy('记者手记\n\n日前,开工。', PAPER);
    expect(parsed.headlineLines).toEqual(['记者手记']);
    expect(parsed.source).toBeNull();
  });
});

describe('wire datelines', () => {
  it.each([
    ['新华社电 国家统计局29日发布数据。', '新华社', []],
    ['新华社北京3月29日电 国家统计局29日发布数据。', '新华社', []],
    ['新华社北京3月29日电(记者 张三 李四)国家统计局29日发布数据。', '新华社', ['张三', '李四']],
    ['新华社北京3月29日电（记者张三、李四）国家统计局29日发布数据。', '新华社', ['张三', '李四']],
    ['新华社华盛顿3月28日电 国家统计局29日发布数据。', '新华社', []],
    ['人民日报讯 (记者 孙七)国家统计局29日发布数据。', '人民日报', ['孙七']],
    ['中新网北京3月1日电 国家统计局29日发布数据。', '中新网', []],
    ['中新社长沙3月1日电(记者 张三)国家统计局29日发布数据。', '中新社', ['张三']],
    ['央视网消息:国家统计局29日发布数据。', '央视网', []],
    ['潇湘晨报长沙3月1日讯 国家统计局29日发布数据。', '潇湘晨报', []],
    ['本报讯 国家统计局29日发布数据。', '株洲日报', []],
    ['据新华社电 国家统计局29日发布数据。', '新华社', []],
  ])('%s → source %s, dateline removed', (lead, source, reporters) => {
    const parsed = parseCopy(story(lead), PAPER);
    expect(parsed.source).toBe(source);
    expect(parsed.reporters).toEqual(reporters);
    expect(parsed.paragraphs[0]).toBe('国家统计局29日发布数据。');
  });

  it('reads 新华社记者 甲 乙 on its own line and the dateline after it', () => {
    const detail = parseCopyDetailed('标题\n\n新华社记者 王五 赵六\n\n新华社北京3月29日电 国家统计局发布数据。', PAPER);
    expect(detail).toMatchObject({
      source: '新华社',
      reporters: ['王五', '赵六'],
      paragraphs: ['国家统计局发布数据。'],
    });
    expect(detail.reporterBylines.map((b) => b.role)).toEqual(['记者', '记者']);
    expect(detail.removed).toEqual(['新华社记者 王五 赵六', '新华社北京3月29日电 ']);
  });

  it('reads 新华社记者 甲 in front of the lead', () => {
    const parsed = parseCopy(story('新华社记者 王五 3月29日,国家统计局发布数据。'), PAPER);
    expect(parsed).toMatchObject({ source: '新华社', reporters: ['王五'] });
    expect(parsed.paragraphs[0]).toBe('3月29日,国家统计局发布数据。');
  });

  it.each([
    ['电视 after a newsroom name', '湖南电视台电视剧频道开播。'],
    ['讯息 is not 讯', '人民网讯息称,开工。'],
    ['attribution in the sentence', '据新华社北京3月29日电,开工。'],
  ])('does not take %s for a dateline', (_case, lead) => {
    const parsed = parseCopy(story(lead), PAPER);
    expect(parsed.paragraphs[0]).toBe(lead);
    expect(parsed.source).toBeNull();
  });
});
