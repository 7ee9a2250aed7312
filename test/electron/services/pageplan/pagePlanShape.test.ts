import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../../shared/model/article';
import { paragraph } from '../../../../shared/model/document';
import { openTempStore, type TempStore } from '../tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const DATE = '2026-12-01';

async function approvedStory() {
  const a = await store.services.articles.create(
    'story',
    { ...emptyContent(), headline: '株洲新建三座桥', body: [paragraph('正文'.repeat(200))], source: '株洲日报' },
    '甲',
  );
  return store.services.articles.update(a.id, 1, '甲', (x) => ({ ...x, status: 'approved' }));
}

describe('pageplan.shape', () => {
  it('deletes a slot through the service: the plan saves, the story goes back to approved without a placement', async () => {
    store = await openTempStore();
    const created = await store.client.call('pageplan.createIssue', { date: DATE, template: '4版' });
    if (!created.ok) throw new Error(created.error.message);
    const a = await approvedStory();
    await store.client.call('pageplan.place', { articleId: a.id, date: DATE, page: 'A02', slotId: 'A02-1' });
    expect((await store.services.articles.get(a.id)).status).toBe('placed');
    const r = await store.client.call('pageplan.shape', {
      date: DATE,
      edit: { op: 'delete', page: 'A02', slotId: 'A02-1' },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pages[1]!.slots.map((s) => s.id)).not.toContain('A02-1');
    const after = await store.services.articles.get(a.id);
    expect(after.status).toBe('approved');
    expect(after.placement ?? null).toBeNull();
  });

  it('draws a slot on free lines and refuses one over the masthead with the rule’s reason', async () => {
    store = await openTempStore();
    await store.client.call('pageplan.createIssue', { date: DATE, template: '4版' });
    await store.client.call('pageplan.shape', { date: DATE, edit: { op: 'delete', page: 'A01', slotId: 'A01-1' } });
    const drawn = await store.client.call('pageplan.shape', {
      date: DATE,
      edit: { op: 'draw', page: 'A01', rect: { col: 0, cols: 8, line: 14, lines: 20 } },
    });
    if (!drawn.ok) throw new Error(drawn.error.message);
    const slot = drawn.value.pages[0]!.slots.at(-1)!;
    expect(slot).toMatchObject({ col: 0, cols: 8, line: 14, lines: 20 });
    expect(slot.targetChars).toBeGreaterThan(0);
    const refused = await store.client.call('pageplan.shape', {
      date: DATE,
      edit: { op: 'draw', page: 'A01', rect: { col: 0, cols: 8, line: 2, lines: 10 } },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('报头') },
    });
  });

  it('refuses an edit on a stale plan revision with a conflict', async () => {
    store = await openTempStore();
    const created = await store.client.call('pageplan.createIssue', { date: DATE, template: '4版' });
    if (!created.ok) throw new Error(created.error.message);
    await store.client.call('pageplan.shape', { date: DATE, edit: { op: 'delete', page: 'A02', slotId: 'A02-5' } });
    const stale = await store.client.call('pageplan.shape', {
      date: DATE,
      baseRevision: created.value.revision,
      edit: { op: 'split', page: 'A02', slotId: 'A02-1', axis: 'columns' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
