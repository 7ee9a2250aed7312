/** The desk's view (filters, sort, page) as the listing request main answers: pure, so it is tested without a screen. */
import type { ListSort, RequestOf } from '../../../shared/ipc/contract';
import type { ArticleStatus } from '../../../shared/model/status';
import { DESK_PAGE_SIZE } from './deskQuery';

export type DayChoice = '' | 'today' | 'yesterday' | 'week' | 'date';

export interface DeskView {
  status: ArticleStatus | '';
  /** A page label, '' for all, or '-' for stories not yet placed. */
  page: string;
  person: string;
  day: DayChoice;
  /** YYYY-MM-DD, used when day is 'date'. */
  date: string;
  /** YYYY-MM-DD of the issue the stories are placed in, '' for any. */
  issueDate: string;
  sort: ListSort;
  reverse: boolean;
  includeSpiked: boolean;
  creditProblems: boolean;
}

export const EMPTY_VIEW: DeskView = {
  status: '',
  page: '',
  person: '',
  day: '',
  date: '',
  issueDate: '',
  sort: 'updated',
  reverse: false,
  includeSpiked: false,
  creditProblems: false,
};

function localMidnight(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

/** The local-time range [from, to) a day choice covers; weeks start on Monday, as in China. */
export function dayRange(day: DayChoice, date: string, now: Date): { from: Date; to: Date } | null {
  const today = localMidnight(now);
  switch (day) {
    case '':
      return null;
    case 'today':
      return { from: today, to: addDays(today, 1) };
    case 'yesterday':
      return { from: addDays(today, -1), to: today };
    case 'week': {
      const monday = addDays(today, -((today.getDay() + 6) % 7));
      return { from: monday, to: addDays(monday, 7) };
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      if (!m) return null;
      const from = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return { from, to: addDays(from, 1) };
    }
  }
}

export function toListRequest(view: DeskView, page: number, now: Date): RequestOf<'articles.list'> {
  const range = dayRange(view.day, view.date, now);
  return {
    limit: DESK_PAGE_SIZE,
    offset: page * DESK_PAGE_SIZE,
    includeSpiked: view.includeSpiked,
    ...(view.status && { status: [view.status] }),
    ...(view.creditProblems && { creditProblems: true }),
    ...(range && { updatedFrom: range.from.toISOString(), updatedTo: range.to.toISOString() }),
    ...(view.issueDate && { issueDate: view.issueDate }),
    ...(view.page && { page: view.page }),
    ...(view.person && { person: view.person }),
    ...(view.sort !== 'updated' && { sort: view.sort }),
    ...(view.reverse && { reverse: true }),
  };
}
