// Autosaves between two explicit moments read as one revision; every save is still there underneath.
import { describe, expect, it } from 'vitest';
import type { RevisionMeta } from '../../../shared/model/revisionMeta';
import type { ArticleStatus } from '../../../shared/model/status';
import { groupRevisions } from '../../../shared/rules/revisionGroups';

const T0 = Date.parse('2026-12-07T08:00:00Z');
function rev(
  revision: number,
  minute: number,
  status: ArticleStatus = 'draft',
  by = '李想',
  milestone = false,
): RevisionMeta {
  return { revision, status, updatedBy: by, updatedAt: new Date(T0 + minute * 60_000).toISOString(), milestone };
}

/** The groups as [head, ...members] revision numbers, newest first. */
const shape = (list: RevisionMeta[]) => groupRevisions(list).map((g) => g.members.map((m) => m.revision));

describe('revision groups', () => {
  it('19 autosaves in one sitting are one revision with all 19 underneath', () => {
    const sitting = Array.from({ length: 19 }, (_, i) => rev(i + 1, i * 0.5));
    const groups = groupRevisions(sitting);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.head.revision).toBe(19);
    expect(groups[0]!.members).toHaveLength(19);
  });

  it.each<[string, RevisionMeta[], number[][]]>([
    [
      'a move closes the group',
      [rev(1, 0), rev(2, 1), rev(3, 2, 'submitted', '李想', true), rev(4, 3, 'submitted')],
      [
        [4, 3],
        [2, 1],
      ],
    ],
    [
      'another person starts a new group',
      [rev(1, 0), rev(2, 1), rev(3, 2, 'draft', '王编辑'), rev(4, 3, 'draft', '王编辑')],
      [
        [4, 3],
        [2, 1],
      ],
    ],
    [
      '10 minutes idle starts a new group',
      [rev(1, 0), rev(2, 9), rev(3, 19), rev(4, 20)],
      [
        [4, 3],
        [2, 1],
      ],
    ],
    [
      'closing the story ends the sitting: the next save starts a new group',
      [rev(1, 0), { ...rev(2, 1), endsSitting: true }, rev(3, 2), rev(4, 3)],
      [
        [4, 3],
        [2, 1],
      ],
    ],
    [
      'a meta line from before the flag existed (no endsSitting) does not split',
      [rev(1, 0), rev(2, 1), rev(3, 2)],
      [[3, 2, 1]],
    ],
    [
      'a closed sitting that was the last save is still one group',
      [rev(1, 0), { ...rev(2, 1), endsSitting: true }],
      [[2, 1]],
    ],
    ['just under 10 minutes does not', [rev(1, 0), rev(2, 9.9)], [[2, 1]]],
    ['a single save is its own group', [rev(1, 0)], [[1]]],
    ['order of the input does not matter', [rev(3, 30), rev(1, 0), rev(2, 1)], [[3], [2, 1]]],
  ])('%s', (_name, list, expected) => {
    expect(shape(list)).toEqual(expected);
  });

  it('no save is lost or counted twice', () => {
    const list = Array.from({ length: 60 }, (_, i) =>
      rev(i + 1, i * 3, i < 30 ? 'draft' : 'submitted', i % 7 ? '甲' : '乙'),
    );
    const all = groupRevisions(list).flatMap((g) => g.members.map((m) => m.revision));
    expect(all.sort((a, b) => a - b)).toEqual(list.map((m) => m.revision));
  });
});
