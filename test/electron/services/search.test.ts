import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { SearchIndex } from '../../../electron/services/search/searchIndex';
import { openTempStore, type TempStore } from './tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

describe('Chinese full-text search', () => {
  const index = new SearchIndex();
  index.put('a', {
    kicker: '两株企获评',
    headline: '国家级工业互联网试点示范',
    subheadline: '',
    body: '中车株洲公司的供应链协同平台，基于ERP系统。',
  });
  index.put('b', { kicker: '', headline: '株洲123个项目集中开工', subheadline: '', body: '总投资５８９亿元。' });

  it.each([
    ['株洲', ['a', 'b']],
    ['互联', ['a']],
    ['供应链协同', ['a']],
    ['erp', ['a']],
    ['ＥＲＰ', ['a']],
    ['589', ['b']],
    ['123个', ['b']],
    ['株洲日报', []],
    ['洲株', []],
  ])('%s finds %j', (q, ids) => {
    expect(
      index
        .query(q)
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids);
  });

  it('updates on save and drops spiked stories', async () => {
    store = await openTempStore({ role: 'copy-editor' });
    const a = await store.services.articles.create(
      'story',
      { ...emptyContent(), headline: '原标题', body: [paragraph('重庆马拉松开跑')] },
      't',
    );
    const first = await store.dispatch('search.query', { q: '马拉' });
    expect(first).toMatchObject({ ok: true, value: { total: 1, hits: [{ id: a.id, field: 'body' }] } });
    await store.services.articles.save(
      a.id,
      1,
      { ...emptyContent(), headline: '醴陵陶瓷', body: [paragraph('新正文')] },
      't',
    );
    expect(await store.dispatch('search.query', { q: '马拉' })).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await store.dispatch('search.query', { q: '陶瓷' })).toMatchObject({
      ok: true,
      value: { total: 1, hits: [{ field: 'headline' }] },
    });
    await store.dispatch('articles.spike', { id: a.id, baseRevision: 2 });
    expect(await store.dispatch('search.query', { q: '陶瓷' })).toMatchObject({ ok: true, value: { total: 0 } });
  });
});

describe('search with characters beyond the BMP', () => {
  it('finds plain runs in a story that also has a rare character, and the rare one too', () => {
    const index = new SearchIndex();
    index.put('r', { kicker: '', headline: '𠀀字村修路', subheadline: '', body: '株洲新闻' });
    expect(index.query('株洲').map((m) => m.id)).toEqual(['r']);
    expect(index.query('𠀀字').map((m) => m.id)).toEqual(['r']);
    expect(index.query('村修').map((m) => m.id)).toEqual(['r']);
  });
});

describe('search snippets', () => {
  it('show the text as written, around the match', () => {
    const index = new SearchIndex();
    index.put('x', {
      kicker: '',
      headline: '',
      subheadline: '',
      body: '基于ERP（企业资源管理系统）与仓储物流管理系统',
    });
    const [m] = index.query('erp');
    expect(index.snippet(m!, 3, 4)).toBe('基于ERP（企业资…');
  });
});
