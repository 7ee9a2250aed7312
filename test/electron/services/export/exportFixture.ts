/** A small finished issue in a temp store: two pages, stories with every field the writers handle, one photo. */
import type { ArticleContent } from '../../../../shared/model/article';
import type { Services } from '../../../../electron/services/openServices';
import { PAGE_TEMPLATES } from '../../../../shared/rules/pageplan/pageTemplates';

export const ISSUE_DATE = '2026-03-18';

/** A 2x2 PNG: enough for the store to accept it as a picture. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

function p(text: string) {
  return { type: 'paragraph' as const, children: [{ text }] };
}

export function storyContents(asset: string): Partial<ArticleContent>[] {
  return [
    {
      kicker: '聚焦产业升级',
      headline: '两株企获评国家级工业互联网试点示范',
      subheadline: '全市已有十二家企业入选',
      bylines: [
        { role: '全媒体记者', name: '高晓燕' },
        { role: '全媒体记者', name: '𠮷田' },
      ],
      correspondents: [{ name: '李&明' }],
      body: [
        p('日前，工信部公布了2023年工业互联网试点示范名单，我市有两家企业入选。'),
        { type: 'subhead', children: [{ text: '链主带动上下游' }] },
        {
          type: 'paragraph',
          children: [
            { text: '中车株洲公司的' },
            { text: '供应链协同平台', bold: true },
            { text: '<实现>端到端协同。' },
          ],
        },
        {
          type: 'photo',
          asset,
          caption: '平台调度中心一角。',
          credit: { kind: 'photographer', role: '全媒体记者', name: '王强' },
          children: [{ text: '' }],
        },
        { type: 'quote', children: [{ text: '“工业互联网是关键支撑。”' }] },
      ],
    },
    {
      headline: '市区新增三条公交线路',
      source: '新华社',
      bylines: [{ role: '记者', name: '张三' }],
      body: [p('记者从市交通运输局获悉，三条新线路下周一开通。'), p('票价统一为2元。')],
    },
    {
      kind: 'notice',
      headline: '停水通知',
      body: [
        p('因管网改造，3月20日芦淞区部分区域停水。'),
        { type: 'signature', children: [{ text: '株洲市自来水公司' }] },
      ],
    },
  ];
}

/** Creates the stories, approves them, and places them on A01 (two) and A02 (one). */
export async function makeFinishedIssue(s: Services): Promise<{ ids: string[] }> {
  const { asset } = await s.assets.importImage('photo.png', TINY_PNG);
  const ids: string[] = [];
  for (const content of storyContents(asset)) {
    const created = await s.articles.create(content.kind ?? 'story', content, '测试');
    const approved = await s.articles.update(created.id, created.revision, '测试', (a) => ({
      ...a,
      status: 'approved',
    }));
    ids.push(approved.id);
  }
  // Real slot regions from the page plan's template, so the proofs lay out like a paper.
  const [a01, a02] = PAGE_TEMPLATES['4版']!();
  const slot = (page: typeof a01, i: number, articleId: string, targetChars: number) => ({
    ...page!.slots[i]!,
    targetChars,
    articleId,
  });
  await s.issues.create(
    {
      date: ISSUE_DATE,
      number: 12345,
      pages: [
        { label: 'A01', section: '要闻', slots: [slot(a01, 1, ids[0]!, 2000), slot(a01, 2, ids[1]!, 2000)] },
        { label: 'A02', section: '综合', slots: [slot(a02, 0, ids[2]!, 500)] },
      ],
    },
    '测试',
  );
  return { ids };
}
