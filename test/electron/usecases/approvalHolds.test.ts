// "Approval means what it says" on a desk without a hub: the registry's saves and moves follow the
// same rule table the hub runs (approvalRule.test.ts), with the roles chosen in settings.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { openTempStore, type TempStore } from '../services/tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const CONTENT: ArticleContent = {
  ...emptyContent(),
  headline: '两株企获评国家级专精特新',
  body: [paragraph('株洲今年新增两家国家级专精特新企业。记者从市工信局获悉。')],
  bylines: [{ role: '记者', name: '李想' }],
};
const PLACEMENT = { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 };

async function as(role: 'reporter' | 'copy-editor' | 'chief-editor' | 'layout', userName: string) {
  await store.services.settings.update({ role, userName });
}

describe('approval holds on the desk (no hub)', () => {
  it('layout cuts a placed story: it goes back to edited with its placement, and the chief editor approves it again', async () => {
    store = await openTempStore({ role: 'chief-editor', userName: '王总' });
    const a = await store.services.articles.create('story', CONTENT, '王总');
    await store.services.articles.update(a.id, 1, '王总', (x) => ({
      ...x,
      status: 'placed',
      placement: PLACEMENT,
      firstSubmittedAt: '2026-12-01T09:00:00.000Z',
    }));
    await as('layout', '林版');
    const cut = { ...CONTENT, body: [paragraph('株洲今年新增两家国家级专精特新企业。')] };
    const saved = await store.dispatch('articles.save', { id: a.id, baseRevision: 2, content: cut });
    expect(saved).toMatchObject({ ok: true, value: { status: 'edited', placement: PLACEMENT, revision: 3 } });
    // The cut is kept in the story's history: the revision before it still holds the whole text.
    const history = await store.services.revisions.list(a.id);
    expect(history.map((r) => r.revision)).toContain(2);
    await as('chief-editor', '王总');
    const again = await store.dispatch('articles.transition', { id: a.id, baseRevision: 3, to: 'approved' });
    expect(again).toMatchObject({ ok: true, value: { status: 'placed', placement: PLACEMENT } });
  });

  it('the chief editor’s own cut keeps the sign-off', async () => {
    store = await openTempStore({ role: 'chief-editor', userName: '王总' });
    const a = await store.services.articles.create('story', CONTENT, '王总');
    await store.services.articles.update(a.id, 1, '王总', (x) => ({ ...x, status: 'approved', firstSubmittedAt: 'x' }));
    const saved = await store.dispatch('articles.save', {
      id: a.id,
      baseRevision: 2,
      content: { ...CONTENT, headline: '新' },
    });
    expect(saved).toMatchObject({ ok: true, value: { status: 'approved' } });
  });

  it('a reporter cannot edit after 交稿, nor edit or submit another reporter’s draft', async () => {
    store = await openTempStore({ role: 'reporter', userName: '李想' });
    const mine = await store.services.articles.create('story', CONTENT, '李想');
    const submitted = await store.dispatch('articles.transition', { id: mine.id, baseRevision: 1, to: 'submitted' });
    expect(submitted).toMatchObject({ ok: true, value: { status: 'submitted' } });
    const late = await store.dispatch('articles.save', {
      id: mine.id,
      baseRevision: 2,
      content: { ...CONTENT, headline: '改' },
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('已交稿') } });

    const theirs = await store.services.articles.create('story', CONTENT, '陈正明');
    const edit = await store.dispatch('articles.save', {
      id: theirs.id,
      baseRevision: 1,
      content: { ...CONTENT, headline: '改' },
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('陈正明') } });
    const submit = await store.dispatch('articles.transition', { id: theirs.id, baseRevision: 1, to: 'submitted' });
    expect(submit).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('陈正明') },
    });
    expect((await store.services.articles.get(theirs.id)).revision).toBe(1);
  });

  it('a reporter edits her story again once it is returned to her', async () => {
    store = await openTempStore({ role: 'reporter', userName: '李想' });
    const mine = await store.services.articles.create('story', CONTENT, '李想');
    await store.dispatch('articles.transition', { id: mine.id, baseRevision: 1, to: 'submitted' });
    await as('copy-editor', '编辑乙');
    await store.dispatch('articles.transition', { id: mine.id, baseRevision: 2, to: 'draft', note: '补充来源' });
    await as('reporter', '李想');
    const fixed = await store.dispatch('articles.save', {
      id: mine.id,
      baseRevision: 3,
      content: { ...CONTENT, headline: '改' },
    });
    expect(fixed).toMatchObject({ ok: true, value: { status: 'draft', headline: '改' } });
  });

  it('the copy desk sends on copy it imported itself', async () => {
    store = await openTempStore({ role: 'copy-editor', userName: '编辑乙' });
    const raw = '两株企获评国家级专精特新\n\n株洲日报全媒体记者 李想\n\n株洲今年新增两家国家级专精特新企业。';
    const imported = await store.client.call('copy.import', { text: raw });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.createdBy).toBe('编辑乙');
    const id = imported.value.id;
    const sent = await store.dispatch('articles.transition', { id, baseRevision: 1, to: 'submitted' });
    expect(sent).toMatchObject({ ok: true, value: { status: 'submitted' } });
    const edited = await store.dispatch('articles.transition', { id, baseRevision: 2, to: 'edited' });
    expect(edited).toMatchObject({ ok: true, value: { status: 'edited' } });
  });
});
