import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../../../electron/services/search/idTable';

describe('segment id table', () => {
  it('finds every id at its story number and no id it was not given', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^a-[a-z0-9]{6,12}$/), { maxLength: 300 }),
        fc.stringMatching(/^a-[a-z0-9]{6,12}$/),
        (ids, other) => {
          const table = new IdTable(ids);
          ids.forEach((id, n) => expect(table.numberOf(id)).toBe(n));
          if (!ids.includes(other)) expect(table.numberOf(other)).toBe(-1);
        },
      ),
      { seed: 21, numRuns: 200 },
    );
  });

  it('answers on an empty segment', () => {
    expect(new IdTable([]).numberOf('a-000000')).toBe(-1);
  });
});
