// The revision comparison's rows: a placement-only change is a changed row, not "nothing changed".
import { describe, expect, it } from 'vitest';
import { emptyContent, type Article } from '../../shared/model/article';
import { paragraph } from '../../shared/model/document';
import { compareRows } from '../../renderer/features/revisions/compareRows';

const revision = (n: number, placement: Article['placement']): Article => ({
  ...emptyContent(),
  headline: '标题',
  body: [paragraph('第一段。')],
  id: 'a-abcdef12',
  status: 'draft',
  spikedFrom: null,
  revision: n,
  createdAt: '2024-03-29T08:00:00.000Z',
  createdBy: '甲',
  updatedAt: '2024-03-29T08:00:00.000Z',
  updatedBy: '甲',
  placement,
});

describe('compareRows', () => {
  it.each([true, false])('shows a placement-only change as a changed placement row (changes only: %s)', (only) => {
    const rows = compareRows(
      revision(1, null),
      revision(2, { issueDate: '2024-03-29', page: 'A3', slotId: 'top', order: 0 }),
      only,
    );
    expect(rows).toContainEqual({
      kind: 'field',
      field: 'placement',
      changed: true,
      ops: [{ op: 'insert', text: '2024-03-29 A3 top #1' }],
    });
  });

  it('shows nothing for two identical revisions when only changes are asked for', () => {
    expect(compareRows(revision(1, null), revision(2, null), true)).toEqual([{ kind: 'unchanged', count: 1 }]);
  });
});
