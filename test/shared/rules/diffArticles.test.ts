// What changed between two versions of an article, field by field and block by block.
import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../../../shared/model/article';
import type { Block } from '../../../shared/model/document';
import { diffArticles } from '../../../shared/rules/articleDiff';

const p = (text: string): Block => ({ type: 'paragraph', children: [{ text }] });
const photo = (caption: string, by: string): Block => ({
  type: 'photo',
  asset: null,
  caption,
  credit: { kind: 'supplied', by },
  children: [{ text: '' }],
});
const article = (patch: Partial<ArticleContent>): ArticleContent => ({
  ...emptyContent(),
  headline: '中车电动公交成为“重马”赛事用车',
  source: '株洲日报',
  bylines: [{ role: '全媒体记者', name: '高晓燕' }],
  body: [p('第一段讲开跑。'), p('第二段讲用车。'), photo('车辆服务赛事。', '企业'), p('第三段讲售后。')],
  ...patch,
});

describe('diffArticles', () => {
  it('reports nothing changed for identical articles', () => {
    const a = article({});
    const diff = diffArticles(a, structuredClone(a));
    expect(diff.changed).toBe(false);
    expect(diff.fields.every((f) => !f.changed)).toBe(true);
    expect(diff.body.every((b) => b.op === 'equal')).toBe(true);
  });

  it('diffs the headline fields, source and people as text', () => {
    const diff = diffArticles(
      article({}),
      article({
        headline: '中车电动公交成为重马赛事用车',
        bylines: [
          { role: '全媒体记者', name: '高晓燕' },
          { role: '记者', name: '张三' },
        ],
        correspondents: [{ name: '尹照' }],
      }),
    );
    const field = (name: string) => diff.fields.find((f) => f.field === name)!;
    expect(
      field('headline')
        .ops.filter((o) => o.op === 'delete')
        .map((o) => o.text),
    ).toEqual(['“', '”']);
    expect(field('bylines').ops).toEqual([
      { op: 'equal', text: '全媒体记者 高晓燕' },
      { op: 'insert', text: '、记者 张三' },
    ]);
    expect(field('correspondents').ops).toEqual([{ op: 'insert', text: '尹照' }]);
    expect(field('source').changed).toBe(false);
  });

  it('aligns paragraphs: an edited one is diffed by character, a removed and an added one stand alone', () => {
    const diff = diffArticles(
      article({}),
      article({
        body: [p('第一段讲开跑了。'), photo('车辆服务赛事。', '企业'), p('第三段讲售后。'), p('新加的一段。')],
      }),
    );
    expect(diff.body.map((b) => [b.op, 'a' in b ? b.a : null, 'b' in b ? b.b : null])).toEqual([
      ['modify', 0, 0],
      ['delete', 1, null],
      ['equal', 2, 1],
      ['equal', 3, 2],
      ['insert', null, 3],
    ]);
    expect(diff.body[0]).toMatchObject({
      ops: [
        { op: 'equal', text: '第一段讲开跑' },
        { op: 'insert', text: '了' },
        { op: 'equal', text: '。' },
      ],
    });
  });

  it('pairs an edited paragraph past an inserted one', () => {
    const diff = diffArticles(
      article({}),
      article({
        body: [
          p('第一段讲开跑。'),
          p('插入的全新段落内容。'),
          p('第二段讲用车情况。'),
          photo('车辆服务赛事。', '企业'),
          p('第三段讲售后。'),
        ],
      }),
    );
    expect(diff.body.slice(0, 3).map((b) => b.op)).toEqual(['equal', 'insert', 'modify']);
  });

  it('diffs a photo’s caption and its printed credit', () => {
    const diff = diffArticles(
      article({}),
      article({
        body: [p('第一段讲开跑。'), p('第二段讲用车。'), photo('车辆服务马拉松赛事。', '通讯员'), p('第三段讲售后。')],
      }),
    );
    const changed = diff.body.find((b) => b.op === 'modify');
    expect(changed).toMatchObject({ op: 'modify', a: 2, b: 2, type: 'photo' });
    expect(changed && 'credit' in changed ? changed.credit : null).toEqual([
      { op: 'delete', text: '企业' },
      { op: 'insert', text: '通讯员' },
      { op: 'equal', text: '供图' },
    ]);
  });

  it('notes a paragraph turned into a subhead', () => {
    const diff = diffArticles(
      article({ body: [p('加强协作')] }),
      article({ body: [{ type: 'subhead', children: [{ text: '加强协作' }] }] }),
    );
    expect(diff.body).toEqual([
      {
        op: 'modify',
        a: 0,
        b: 0,
        type: 'subhead',
        previousType: 'paragraph',
        ops: [{ op: 'equal', text: '加强协作' }],
      },
    ]);
  });
});

describe('placement in the comparison', () => {
  const placed = (page: string, order = 0) => ({
    ...article({}),
    placement: { issueDate: '2024-03-29', page, slotId: 'top', order },
  });

  it.each([
    ['moved to another page', placed('A1'), placed('A3'), '1', '3'],
    ['moved within its slot', placed('A1', 0), placed('A1', 2), '1', '3'],
    ['taken off the page', placed('A1'), { ...article({}), placement: null }, '2024-03-29 A1 top #1', ''],
    ['placed for the first time', { ...article({}), placement: null }, placed('A2'), '', '2024-03-29 A2 top #1'],
  ])('reports a story %s as changed', (_case, before, after, deleted, inserted) => {
    const diff = diffArticles(before, after);
    expect(diff.changed).toBe(true);
    const field = diff.fields.find((f) => f.field === 'placement')!;
    expect(field.changed).toBe(true);
    expect(
      field.ops
        .filter((o) => o.op === 'delete')
        .map((o) => o.text)
        .join(''),
    ).toBe(deleted);
    expect(
      field.ops
        .filter((o) => o.op === 'insert')
        .map((o) => o.text)
        .join(''),
    ).toBe(inserted);
  });

  it('reports the same placement as unchanged', () => {
    expect(diffArticles(placed('A1'), placed('A1')).changed).toBe(false);
  });
});
