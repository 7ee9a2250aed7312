import { describe, expect, it } from 'vitest';
import { dayRange, EMPTY_VIEW, toListRequest, type DayChoice } from '../../renderer/features/desk/deskListQuery';

/** Wednesday 3 December 2025, 15:30 local time. */
const now = new Date(2025, 11, 3, 15, 30);
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d);

describe('desk day filter', () => {
  it.each<[DayChoice, string, Date, Date]>([
    ['today', '', local(2025, 12, 3), local(2025, 12, 4)],
    ['yesterday', '', local(2025, 12, 2), local(2025, 12, 3)],
    // Weeks start on Monday.
    ['week', '', local(2025, 12, 1), local(2025, 12, 8)],
    ['date', '2025-11-30', local(2025, 11, 30), local(2025, 12, 1)],
    ['date', '2024-02-29', local(2024, 2, 29), local(2024, 3, 1)],
  ])('%s %s covers local midnight to midnight', (day, date, from, to) => {
    expect(dayRange(day, date, now)).toEqual({ from, to });
  });

  it('a Sunday belongs to the week that began on Monday', () => {
    expect(dayRange('week', '', new Date(2025, 11, 7, 23, 0))?.from).toEqual(local(2025, 12, 1));
  });

  it('no day, or a date not picked yet, filters nothing', () => {
    expect(dayRange('', '', now)).toBeNull();
    expect(dayRange('date', '', now)).toBeNull();
  });

  it('turns the view into one listing request with only the filters set', () => {
    expect(toListRequest(EMPTY_VIEW, 0, now)).toEqual({ limit: 200, offset: 0, includeSpiked: false });
    expect(
      toListRequest({ ...EMPTY_VIEW, day: 'today', status: 'edited', page: '-', sort: 'chars', reverse: true }, 2, now),
    ).toEqual({
      limit: 200,
      offset: 400,
      includeSpiked: false,
      status: ['edited'],
      updatedFrom: local(2025, 12, 3).toISOString(),
      updatedTo: local(2025, 12, 4).toISOString(),
      page: '-',
      sort: 'chars',
      reverse: true,
    });
  });
});
