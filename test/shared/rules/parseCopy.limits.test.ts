// The copy desk's known parser limits, each closed: headlines that look like bylines, 本报 in another paper's copy, captions glued to credits.
import { describe, expect, it } from 'vitest';
import { parseCopy } from '../../../shared/rules/parseCopy';
import { splitCaptionCredit } from '../../../shared/rules/parseCredit';

const PAPER = { paperName: '株洲日报' };
const parse = (text: string) => parseCopy(text, PAPER);

describe('a headline that reads like a byline', () => {
  it.each([
    ['记者 走进车间', '日前,开工。'],
    ['记者 高考现场', '日前,开考。'],
    ['通讯员 走基层', '日前,出发。'],
  ])('keeps "%s" as the headline, crediting no one', (headline, lead) => {
    expect(parse(`${headline}\n\n${lead}`)).toMatchObject({
      headlineLines: [headline],
      reporters: [],
      correspondents: [],
      source: null,
      paragraphs: [lead],
    });
  });

  it.each([
    ['记者 张三 通讯员 李四', ['张三'], ['李四']],
    ['记者 欧阳娜娜', ['欧阳娜娜'], []],
    ['记者 阿依古丽·买买提', ['阿依古丽·买买提'], []],
    ['新华社记者 走进车间', ['走进车间'], []],
  ])('still reads the byline line "%s"', (line, reporters, correspondents) => {
    expect(parse(`标题\n\n${line}\n\n日前,开工。`)).toMatchObject({ reporters, correspondents });
  });
});

describe('本报 in another paper’s copy', () => {
  it.each([
    ['a 来源 line at the foot', '标题\n\n本报北京3月29日电（记者 张三）国务院开会。\n\n（来源：人民日报）', '人民日报'],
    ['来源 without brackets', '标题\n\n本报讯（记者 张三）开会。\n\n来源：光明日报', '光明日报'],
    [
      'the paper’s own print line at the top',
      '《 人民日报 》（ 2024年03月29日   第 04 版）\n\n标题\n\n本报北京3月29日电（记者 张三）国务院开会。',
      '人民日报',
    ],
    ['no source line: our own paper', '标题\n\n本报北京3月29日电（记者 张三）国务院开会。', '株洲日报'],
    ['a source line naming us', '标题\n\n本报讯（记者 张三）开会。\n\n来源：株洲日报', '株洲日报'],
    [
      'a named wire dateline is kept whatever the source line',
      '标题\n\n新华社北京3月29日电 开会。\n\n来源：人民日报',
      '新华社',
    ],
  ])('credits %s', (_case, text, source) => {
    expect(parse(text).source).toBe(source);
  });
});

describe('a caption glued to its credit', () => {
  it.each([
    ['赛事现场企业供图', '赛事现场', '企业供图'],
    ['中车电动的新能源车辆服务重庆马拉松赛事企业供图', '中车电动的新能源车辆服务重庆马拉松赛事', '企业供图'],
    ['赛事现场通讯员供图', '赛事现场', '通讯员供图'],
    ['工人正在车间作业全媒体记者 高晓燕 摄', '工人正在车间作业', '全媒体记者 高晓燕 摄'],
    ['工人正在作业新华社记者 李贺 摄', '工人正在作业', '新华社记者 李贺 摄'],
    ['志愿者在服务站值守受访者供图', '志愿者在服务站值守', '受访者供图'],
  ])('splits %s into caption and credit', (line, caption, credit) => {
    expect(splitCaptionCredit(line)).toEqual({ caption, credit });
    expect(parse(`标题\n\n开头。\n\n${line}\n\n结尾。`).photos).toEqual([{ caption, credit }]);
  });

  it.each([
    ['企业供图', '企业供图'],
    ['株洲市教育局供图', '株洲市教育局供图'],
    ['新华社记者 李贺 摄', '新华社记者 李贺 摄'],
    ['全媒体记者 高晓燕 摄', '全媒体记者 高晓燕 摄'],
  ])('keeps the credit alone on its line: %s', (line, credit) => {
    expect(splitCaptionCredit(line)).toEqual({ caption: '', credit });
  });
});
