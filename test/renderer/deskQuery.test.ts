import { describe, expect, it } from 'vitest';
import { applyDeskFilter, EMPTY_FILTER, peopleIn } from '../../renderer/features/desk/deskQuery';
import type { ArticleSummary } from '../../shared/model/article';

function summary(id: string, patch: Partial<ArticleSummary>): ArticleSummary {
  return {
    id,
    kind: 'story',
    kicker: '',
    headline: id,
    status: 'draft',
    revision: 1,
    bylineNames: [],
    correspondentNames: [],
    source: '',
    bodyChars: 0,
    creditProblems: [],
    placement: null,
    updatedAt: '2026-11-24T08:00:00Z',
    updatedBy: '',
    ...patch,
  };
}

const items = [
  summary('a-aaaaaa1', {
    bylineNames: ['高晓燕'],
    status: 'submitted',
    placement: { issueDate: '2026-11-24', page: 'A01', slotId: 's1', order: 0 },
  }),
  summary('a-aaaaaa2', { correspondentNames: ['李明'], bodyChars: 900 }),
  summary('a-aaaaaa3', { updatedBy: '值班编辑', bodyChars: 300 }),
];

describe('the desk filter', () => {
  it.each<[string, Partial<typeof EMPTY_FILTER>, string[]]>([
    ['by reporter', { person: '高晓燕' }, ['a-aaaaaa1']],
    ['by correspondent', { person: '李明' }, ['a-aaaaaa2']],
    ['by last editor', { person: '值班编辑' }, ['a-aaaaaa3']],
    ['by status', { status: 'submitted' }, ['a-aaaaaa1']],
    ['by page', { page: 'A01' }, ['a-aaaaaa1']],
    ['unplaced', { page: '-' }, ['a-aaaaaa2', 'a-aaaaaa3']],
  ])('%s', (_name, filter, ids) => {
    expect(
      applyDeskFilter(items, { ...EMPTY_FILTER, ...filter })
        .map((s) => s.id)
        .sort(),
    ).toEqual(ids);
  });

  it('offers every person once', () => {
    expect(peopleIn(items).sort()).toEqual(['值班编辑', '李明', '高晓燕'].sort());
  });
});
