import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../../shared/model/article';
import { paragraph } from '../../../../shared/model/document';
import type { NewsdeskEvent } from '../../../../shared/ipc/events';
import { openTempStore, type TempStore } from '../tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

async function story(status: 'approved' | 'edited' = 'approved') {
  const a = await store.services.articles.create(
    'story',
    {
      ...emptyContent(),
      headline: '株洲123个项目集中开工',
      body: [paragraph('正文'.repeat(100))],
      source: '株洲日报',
      bylines: [{ role: '记者', name: '张三' }],
    },
    '甲',
  );
  return store.services.articles.update(a.id, 1, '甲', (x) => ({ ...x, status }));
}

async function issue(date = '2026-12-01') {
  const r = await store.client.call('pageplan.createIssue', { date, template: '4版' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('issues', () => {
  it('proposes the previous issue number + 1 and copies its pages without stories', async () => {
    store = await openTempStore();
    const first = await store.client.call('pageplan.createIssue', {
      date: '2026-11-30',
      number: 20000,
      template: '8版',
    });
    expect(first).toMatchObject({ ok: true, value: { number: 20000 } });
    const a = await story();
    await store.client.call('pageplan.place', { articleId: a.id, date: '2026-11-30', page: 'A01', slotId: 'A01-1' });
    const next = await store.client.call('pageplan.createIssue', { date: '2026-12-01' });
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.number).toBe(20001);
    expect(next.value.pages).toHaveLength(8);
    expect(next.value.pages.flatMap((p) => p.slots).every((s) => !s.articleId)).toBe(true);
    expect(next.value.pages[0]!.slots[0]!.targetChars).toBeGreaterThan(0);
  });

  it.each([
    [{ date: '2026-02-30' }, 'validation'],
    [{ date: '2026-12-01', template: '不存在' }, 'not_found'],
    [{ date: '2026-12-01', from: '2020-01-01' }, 'not_found'],
  ])('refuses %j with %s', async (req, code) => {
    store = await openTempStore();
    expect(await store.dispatch('pageplan.createIssue', req)).toMatchObject({ ok: false, error: { code } });
    expect(await store.services.issues.list()).toEqual([]);
  });
});

describe('placing stories', () => {
  it('sets the story placement, makes an approved story placed, and unplacing undoes both', async () => {
    store = await openTempStore();
    await issue();
    const a = await story('approved');
    const placed = await store.client.call('pageplan.place', {
      articleId: a.id,
      date: '2026-12-01',
      page: 'A02',
      slotId: 'A02-3',
    });
    expect(placed.ok).toBe(true);
    const after = await store.services.articles.get(a.id);
    expect(after.placement).toEqual({ issueDate: '2026-12-01', page: 'A02', slotId: 'A02-3', order: 2 });
    expect(after.status).toBe('placed');
    await store.client.call('pageplan.unplace', { articleId: a.id });
    const back = await store.services.articles.get(a.id);
    expect(back.placement).toBeNull();
    expect(back.status).toBe('approved');
  });

  it('places a story not yet approved but flags it, and it becomes placed once approved', async () => {
    store = await openTempStore({ role: 'chief-editor' });
    await issue();
    const a = await story('edited');
    await store.client.call('pageplan.place', { articleId: a.id, date: '2026-12-01', page: 'A01', slotId: 'A01-2' });
    const plan = await store.client.call('pageplan.flatplan', { date: '2026-12-01' });
    if (!plan.ok) throw new Error(plan.error.message);
    const row = plan.value.rows.find((r) => r.articleId === a.id)!;
    expect(row.status).toBe('edited');
    expect(row.problems).toContain('not_approved');
    const current = await store.services.articles.get(a.id);
    const approved = await store.client.call('articles.transition', {
      id: a.id,
      baseRevision: current.revision,
      to: 'approved',
    });
    expect(approved).toMatchObject({ ok: true, value: { status: 'placed' } });
  });

  it('refuses bad input and changes nothing', async () => {
    store = await openTempStore();
    const first = await issue();
    const a = await story();
    const b = await story();
    await store.client.call('pageplan.place', { articleId: a.id, date: '2026-12-01', page: 'A01', slotId: 'A01-1' });
    const revision = (await store.services.issues.get(first.id)).revision;
    for (const [req, code] of [
      [{ articleId: b.id, date: '2026-12-02', page: 'A01', slotId: 'A01-2' }, 'not_found'],
      [{ articleId: b.id, date: '2026-12-01', page: 'A09', slotId: 'A01-2' }, 'not_found'],
      [{ articleId: b.id, date: '2026-12-01', page: 'A01', slotId: 'nope' }, 'not_found'],
      [{ articleId: b.id, date: '2026-12-01', page: 'A01', slotId: 'A01-1' }, 'validation'],
      [{ articleId: a.id, date: '2026-12-01', page: 'A02', slotId: 'A02-1' }, 'validation'],
      [{ articleId: 'a-doesnotexist', date: '2026-12-01', page: 'A02', slotId: 'A02-1' }, 'not_found'],
      [{ articleId: b.id, date: '2026-13-01', page: 'A02', slotId: 'A02-1' }, 'validation'],
    ] as const) {
      expect(await store.dispatch('pageplan.place', req), JSON.stringify(req)).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    expect((await store.services.issues.get(first.id)).revision).toBe(revision);
    expect((await store.services.articles.get(b.id)).placement).toBeNull();
  });

  it('a jump keeps both parts counted in the flatplan', async () => {
    store = await openTempStore();
    await issue();
    const a = await story();
    await store.client.call('pageplan.place', { articleId: a.id, date: '2026-12-01', page: 'A01', slotId: 'A01-5' });
    const jumped = await store.client.call('pageplan.place', {
      articleId: a.id,
      date: '2026-12-01',
      page: 'A03',
      slotId: 'A03-2',
      jump: true,
    });
    expect(jumped.ok).toBe(true);
    const plan = await store.client.call('pageplan.flatplan', { date: '2026-12-01' });
    if (!plan.ok) throw new Error(plan.error.message);
    const parts = plan.value.rows.filter((r) => r.articleId === a.id);
    expect(parts.map((p) => [p.page, p.part, p.jumpLine])).toEqual([
      ['A01', 1, '（下转A3版）'],
      ['A03', 2, '（上接A1版）'],
    ]);
    expect(parts[0]!.actualChars + parts[1]!.actualChars).toBe(200);
  });
});

describe('plan conflicts', () => {
  it('a stale plan save is refused with conflict and the newer plan, and nothing is overwritten', async () => {
    store = await openTempStore();
    const first = await issue();
    const a = await story();
    const b = await story();
    // Another window places a story on the plan both windows loaded at revision 1.
    const other = await store.client.call('pageplan.place', {
      articleId: a.id,
      date: '2026-12-01',
      page: 'A01',
      slotId: 'A01-1',
      baseRevision: first.revision,
    });
    expect(other.ok).toBe(true);
    const stale = await store.dispatch('pageplan.place', {
      articleId: b.id,
      date: '2026-12-01',
      page: 'A01',
      slotId: 'A01-2',
      baseRevision: first.revision,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', currentRevision: 2 } });
    if (stale.ok) return;
    expect(stale.error.currentIssue?.pages[0]!.slots[0]!.articleId).toBe(a.id);

    const content = { date: first.date, number: first.number, pages: first.pages };
    const staleSave = await store.dispatch('issues.save', { id: first.id, baseRevision: 1, content });
    expect(staleSave).toMatchObject({ ok: false, error: { code: 'conflict', currentIssue: { revision: 2 } } });
    const stored = await store.services.issues.get(first.id);
    expect(stored.revision).toBe(2);
    expect(stored.pages[0]!.slots[0]!.articleId).toBe(a.id);
    expect((await store.services.articles.get(b.id)).placement).toBeNull();
  });

  it('saving an earlier plan (undo) puts placements back and emits issue.saved', async () => {
    store = await openTempStore();
    const first = await issue();
    const a = await story();
    const events: NewsdeskEvent[] = [];
    store.onEvent((e) => events.push(e));
    const placed = await store.client.call('pageplan.place', {
      articleId: a.id,
      date: '2026-12-01',
      page: 'A01',
      slotId: 'A01-1',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    const undo = await store.client.call('issues.save', {
      id: first.id,
      baseRevision: placed.value.revision,
      content: { date: first.date, number: first.number, pages: first.pages },
    });
    expect(undo.ok).toBe(true);
    expect((await store.services.articles.get(a.id)).placement).toBeNull();
    expect(events.filter((e) => e.event === 'issue.saved').map((e) => (e as { revision: number }).revision)).toEqual([
      2, 3,
    ]);
  });
});
