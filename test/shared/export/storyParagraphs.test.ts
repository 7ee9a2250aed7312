// The styled paragraphs every per-story writer sets: order, style names, bylines and captions as printed.
import { describe, expect, it } from 'vitest';
import { paragraphText, storyParagraphs } from '../../../shared/export/storyParagraphs';
import { ArticleSchema } from '../../../shared/model/article';
import { storyContents } from '../../electron/services/export/exportFixture';

const article = (i: number) =>
  ArticleSchema.parse({
    kind: 'story',
    kicker: '',
    subheadline: '',
    source: '',
    bylines: [],
    correspondents: [],
    deskNote: '',
    ...storyContents('0123456789abcdef0123456789abcdef.png')[i],
    id: 'a-test01',
    status: 'approved',
    spikedFrom: null,
    revision: 3,
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
    placement: null,
  });

describe('story paragraphs', () => {
  it('set kicker, headline, subheadline, byline, body, subhead, caption with credit, in that order', () => {
    expect(storyParagraphs(article(0), '株洲日报').map((p) => [p.style, paragraphText(p)])).toEqual([
      ['引题', '聚焦产业升级'],
      ['主题', '两株企获评国家级工业互联网试点示范'],
      ['副题', '全市已有十二家企业入选'],
      // The byline line is the proof's, so the files and the printed page agree.
      ['作者', '株洲日报全媒体记者 高晓燕 𠮷田\u3000通讯员 李&明'],
      ['正文', '日前，工信部公布了2023年工业互联网试点示范名单，我市有两家企业入选。'],
      ['小标题', '链主带动上下游'],
      ['正文', '中车株洲公司的供应链协同平台<实现>端到端协同。'],
      ['图片说明', '平台调度中心一角。 全媒体记者 王强 摄'],
      ['正文', '“工业互联网是关键支撑。”'],
    ]);
  });

  it('leave out empty headline fields and set a notice signature as 落款', () => {
    expect(storyParagraphs(article(2), '株洲日报').map((p) => [p.style, paragraphText(p)])).toEqual([
      ['主题', '停水通知'],
      ['正文', '因管网改造，3月20日芦淞区部分区域停水。'],
      ['落款', '株洲市自来水公司'],
    ]);
  });

  it('set a draft with pending suggestions as if they were accepted: no struck text, inserted text in place', () => {
    const a = article(2);
    const withSuggestions = {
      ...a,
      body: [
        {
          type: 'paragraph' as const,
          children: [
            { text: '因管网改造，' },
            { text: '3月20日', del: 'c1' },
            { text: '3月21日', ins: 'c2' },
            { text: '芦淞区部分区域停水。' },
          ],
        },
      ],
    };
    expect(storyParagraphs(withSuggestions, '株洲日报').map((p) => [p.style, paragraphText(p)])).toEqual([
      ['主题', '停水通知'],
      ['正文', '因管网改造，3月21日芦淞区部分区域停水。'],
    ]);
  });
});
