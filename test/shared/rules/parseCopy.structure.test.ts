// How raw copy's lines become headline, paragraphs, photos and a notice's signature.
import { describe, expect, it } from 'vitest';
import { parseCopy, parseCopyDetailed } from '../../../shared/rules/parseCopy';

const PAPER = { paperName: '株洲日报' };
const parse = (text: string) => parseCopy(text, PAPER);
const BYLINE = '株洲日报(全媒体记者/张三)';

describe('the headline block', () => {
  it('takes the short lines before the byline, blank lines between them or not', () => {
    expect(parse(`眉题\n主标题\n副标题\n\n${BYLINE}日前,开工。`).headlineLines).toEqual(['眉题', '主标题', '副标题']);
    expect(parse(`眉题\n\n主标题“引号”\n\n${BYLINE}日前,开工。`).headlineLines).toEqual(['眉题', '主标题“引号”']);
  });

  it('finds a headline without a byline: short lines that are not sentences', () => {
    const parsed = parse('两株企获评\n国家级试点示范\n\n日前,工信部公布了名单,我市有两家企业入选。\n\n第二段。');
    expect(parsed.headlineLines).toEqual(['两株企获评', '国家级试点示范']);
    expect(parsed.paragraphs).toEqual(['日前,工信部公布了名单,我市有两家企业入选。', '第二段。']);
  });

  it('finds no headline when the copy opens with its lead', () => {
    expect(parse('日前,工信部公布了名单。\n\n第二段。').headlineLines).toEqual([]);
  });

  it('keeps a headline that ends in ！ or ？', () => {
    expect(parse('春天来了！\n\n日前,花开了。').headlineLines).toEqual(['春天来了！']);
  });

  it('always leaves a body', () => {
    expect(parse('只有一行')).toMatchObject({ headlineLines: [], paragraphs: ['只有一行'] });
  });
});

describe('column-break repair', () => {
  it.each([
    ['a comma', '项目成功落地投产后,', '将成功打破技术壁垒。', '项目成功落地投产后,将成功打破技术壁垒。'],
    ['a bare character', '向学校建设捐', '赠图书。', '向学校建设捐赠图书。'],
    [
      'a closing quote with no stop before it',
      '他们称之为“书香校园”',
      '的建设成果。',
      '他们称之为“书香校园”的建设成果。',
    ],
    ['Latin words', 'The project was', 'finished in March.', 'The project was finished in March.'],
  ])('joins a paragraph cut after %s to the next block', (_case, first, second, joined) => {
    expect(parse(`标题\n\n${BYLINE}${first}\n\n${second}`).paragraphs).toEqual([joined]);
  });

  it.each([
    ['。', '他说。'],
    ['。”', '他说：“好。”'],
    ['！）', '（真好！）'],
    ['？', '怎么办？'],
    ['……', '等等……'],
    ['；', '一是加强领导；'],
    ['：', '他表示：'],
  ])('does not join a paragraph ending in %s', (_mark, first) => {
    expect(parse(`标题\n\n${BYLINE}开头。\n\n${first}\n\n下一段。`).paragraphs).toEqual(['开头。', first, '下一段。']);
  });

  it('repairs across a photo caption set between the halves and keeps the photo after the paragraph', () => {
    const detail = parseCopyDetailed(
      `标题\n\n${BYLINE}与公交集团对接车型、数量和\n\n车辆服务马拉松赛事。 企业供图\n\n线路,组织驾驶员培训。`,
      PAPER,
    );
    expect(detail.paragraphs).toEqual(['与公交集团对接车型、数量和线路,组织驾驶员培训。']);
    expect(detail.photos).toEqual([{ caption: '车辆服务马拉松赛事。', credit: '企业供图' }]);
    expect(detail.body.map((b) => b.type)).toEqual(['paragraph', 'photo']);
  });

  it('does not glue numbered items or contact lines together', () => {
    const parsed = parse('标题\n\n开头。\n\n1.报名时间:4月1日\n2.报名地点:人事部\n联系人:张三\n电话:0731-28888888');
    expect(parsed.paragraphs).toEqual([
      '开头。',
      '1.报名时间:4月1日',
      '2.报名地点:人事部',
      '联系人:张三',
      '电话:0731-28888888',
    ]);
  });

  it('keeps a short subhead between finished paragraphs as its own paragraph', () => {
    const detail = parseCopyDetailed(
      `标题\n\n${BYLINE}开头。\n\n产业链协同发展\n\n第二段。\n\n二、加强协作\n\n第三段。`,
      PAPER,
    );
    expect(detail.paragraphs).toEqual(['开头。', '产业链协同发展', '第二段。', '二、加强协作', '第三段。']);
    expect(detail.body.filter((b) => b.type === 'subhead').length).toBe(2);
  });
});

describe('photo captions', () => {
  it.each([
    ['赛事现场。 企业供图', '赛事现场。', '企业供图'],
    ['赛事现场。企业供图', '赛事现场。', '企业供图'],
    ['赛事现场。 通讯员供图', '赛事现场。', '通讯员供图'],
    ['赛事现场。 株洲市教育局供图', '赛事现场。', '株洲市教育局供图'],
    ['赛事现场。 全媒体记者 高晓燕 摄', '赛事现场。', '全媒体记者 高晓燕 摄'],
    ['赛事现场。 记者 张三 摄', '赛事现场。', '记者 张三 摄'],
    ['赛事现场。 张三 摄', '赛事现场。', '张三 摄'],
    ['图为工人正在作业 张三 摄', '图为工人正在作业', '张三 摄'],
    ['赛事现场。 新华社记者 李贺 摄', '赛事现场。', '新华社记者 李贺 摄'],
    ['赛事现场。（企业供图）', '赛事现场。', '（企业供图）'],
  ])('%s → caption and printed credit', (line, caption, credit) => {
    expect(parse(`标题\n\n${BYLINE}开头。\n\n${line}\n\n结尾。`).photos).toEqual([{ caption, credit }]);
  });

  it.each([
    ['a sentence about photography', '他热爱拍摄。'],
    ['a word ending in 摄 with no space', '这些照片由他拍摄'],
    ['a sentence that ends in 供图', '他说，感谢各方供图'],
  ])('leaves %s in the body', (_case, line) => {
    const parsed = parse(`标题\n\n${BYLINE}开头。\n\n${line}\n\n结尾。`);
    expect(parsed.photos).toEqual([]);
    expect(parsed.paragraphs.join('')).toContain(line);
  });
});

describe('notices', () => {
  const notice = [
    '关于临时停水的通告',
    '',
    '各位用户:',
    '',
    '因管网改造,3月30日8:00至18:00停水,请提前储水。',
    '',
    '特此通告。',
    '',
    '联系电话:0731-28888888',
    '地址:株洲市天元区',
    '',
    '株洲市自来水公司',
    '2024年3月29日',
  ].join('\n');

  it('is a notice with no source and no byline, its closing lines the signature', () => {
    expect(parse(notice)).toStrictEqual({
      headlineLines: ['关于临时停水的通告'],
      kind: 'notice',
      source: null,
      reporters: [],
      correspondents: [],
      paragraphs: [
        '各位用户:',
        '因管网改造,3月30日8:00至18:00停水,请提前储水。',
        '特此通告。',
        '联系电话:0731-28888888',
        '地址:株洲市天元区',
      ],
      photos: [],
      signature: ['株洲市自来水公司', '2024年3月29日'],
    });
  });

  it.each(['公告', '启事', '通知', '公示', '声明'])('recognises a title ending in %s', (word) => {
    expect(parse(`株洲市某某局${word}\n\n现将有关事项公布如下。\n\n株洲市某某局\n2024年3月29日`).kind).toBe('notice');
  });

  it('keeps a story about a notice a story when it has a byline', () => {
    expect(parse(`市政府发布通告\n\n${BYLINE}日前,市政府发布通告。`).kind).toBe('story');
  });

  it('finds no signature when the closing lines are neither organisation nor date', () => {
    expect(parse('招聘启事\n\n现招聘编辑2名。\n\n欢迎报名').signature).toEqual([]);
  });

  it('starts the signature at the organisation, leaving a short body line before it', () => {
    expect(parse('启事\n\n现招聘编辑2名。\n\n欢迎报名\n株洲日报社\n2024年3月29日').signature).toEqual([
      '株洲日报社',
      '2024年3月29日',
    ]);
  });
});
