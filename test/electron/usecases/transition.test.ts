import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { openTempStore, type TempStore } from '../services/tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

describe('workflow through the registry', () => {
  it('is enforced in main: a reporter cannot approve, a refused move writes nothing', async () => {
    store = await openTempStore({ role: 'reporter', userName: '甲' });
    const a = await store.services.articles.create(
      'story',
      { ...emptyContent(), headline: '标', body: [paragraph('文。')], source: '株洲日报' },
      '甲',
    );
    const submitted = await store.dispatch('articles.transition', { id: a.id, baseRevision: 1, to: 'submitted' });
    expect(submitted).toMatchObject({ ok: true, value: { status: 'submitted', revision: 2 } });
    const refused = await store.dispatch('articles.transition', { id: a.id, baseRevision: 2, to: 'edited' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('记者无权') },
    });
    expect((await store.services.articles.get(a.id)).revision).toBe(2);
  });

  it('keeps a return note in the desk note, and spike/restore round-trips', async () => {
    store = await openTempStore({ role: 'copy-editor', userName: '编辑乙' });
    const a = await store.services.articles.create(
      'story',
      { ...emptyContent(), headline: '标', body: [paragraph('文。')], source: '新华社' },
      '甲',
    );
    await store.services.articles.update(a.id, 1, '甲', (x) => ({ ...x, status: 'submitted' }));
    const back = await store.dispatch('articles.transition', {
      id: a.id,
      baseRevision: 2,
      to: 'draft',
      note: '请补充采访对象姓名',
    });
    expect(back).toMatchObject({ ok: true, value: { status: 'draft', deskNote: '[编辑乙] 请补充采访对象姓名' } });
    const spiked = await store.dispatch('articles.spike', { id: a.id, baseRevision: 3 });
    expect(spiked).toMatchObject({ ok: true, value: { status: 'spiked', spikedFrom: 'draft' } });
    const listed = store.services.articles.list({ limit: 10, offset: 0 });
    expect(listed.total).toBe(0);
    const restored = await store.dispatch('articles.restore', { id: a.id, baseRevision: 4 });
    expect(restored).toMatchObject({ ok: true, value: { status: 'draft', spikedFrom: null } });
  });
});
