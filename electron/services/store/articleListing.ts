/**
 * Listing queries over the index rows: filters (status, day, issue, page, person, credits), sorting by
 * any desk column and paging, all on plain columns so 60,000 stories answer in milliseconds; whole
 * summaries are read only for the page returned.
 */
import type { z } from 'zod';
import type { ArticleListQuerySchema, ListSort } from '../../../shared/ipc/contract';
import type { ArticleSummary } from '../../../shared/model/article';
import { STATUSES } from '../../../shared/model/status';
import { PEOPLE_SEPARATOR, type IndexRows, type RowColumns } from './articleRows';

/** The listing query as the contract defines it (defaults filled), not a second copy of it. */
export type ArticleListOptions = z.output<typeof ArticleListQuerySchema>;

const STATUS_RANK = new Map<string, number>(STATUSES.map((s, i) => [s, i]));
const KINDS = ['story', 'brief', 'feature', 'notice', 'photo-story'];

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each column's natural order; ties fall back to newest first, then id, so paging is stable. */
function comparator(c: RowColumns, sort: ListSort): (a: number, b: number) => number {
  const newest = (a: number, b: number) => c.updated[b]! - c.updated[a]! || byText(c.id[b]!, c.id[a]!);
  switch (sort) {
    case 'updated':
      return newest;
    case 'status':
      return (a, b) => STATUS_RANK.get(c.status[a]!)! - STATUS_RANK.get(c.status[b]!)! || newest(a, b);
    case 'kind':
      return (a, b) => KINDS.indexOf(c.kind[a]!) - KINDS.indexOf(c.kind[b]!) || newest(a, b);
    case 'headline':
      return (a, b) => byText(c.headline[a]!, c.headline[b]!) || newest(a, b);
    case 'byline':
      return (a, b) => byText(c.people[a]!, c.people[b]!) || newest(a, b);
    case 'chars':
      return (a, b) => c.chars[b]! - c.chars[a]! || newest(a, b);
    case 'page':
      // Placed stories in page and slot order first, then the rest by last change.
      return (a, b) => {
        const pa = c.page[a]!;
        const pb = c.page[b]!;
        if (!pa || !pb) return pa ? -1 : pb ? 1 : newest(a, b);
        return byText(pa, pb) || c.order[a]! - c.order[b]! || newest(a, b);
      };
  }
}

/** Every row in one sort order, kept until the rows change: a listing then filters in order and never sorts. */
const sortedCache = new WeakMap<IndexRows, { version: number; sort: ListSort; order: Uint32Array }>();

function sortedRows(rows: IndexRows, sort: ListSort): Uint32Array {
  const cached = sortedCache.get(rows);
  if (cached && cached.version === rows.version && cached.sort === sort) return cached.order;
  const id = rows.cols.id;
  let live = 0;
  for (let row = 0; row < rows.rowCount; row++) if (id[row]) live++;
  const all = new Uint32Array(live);
  for (let row = 0, k = 0; row < rows.rowCount; row++) if (id[row]) all[k++] = row;
  const order = sortRuns(all, comparator(rows.cols, sort));
  sortedCache.set(rows, { version: rows.version, sort, order });
  return order;
}

/**
 * The snapshot keeps rows newest first, so the desk's default order is one sorted run followed by the
 * few rows saved since: those are sorted alone and merged in, in linear time instead of a full sort.
 */
function sortRuns(rows: Uint32Array, cmp: (a: number, b: number) => number): Uint32Array {
  let run = 1;
  while (run < rows.length && cmp(rows[run - 1]!, rows[run]!) <= 0) run++;
  if (run >= rows.length) return rows;
  if (run < rows.length / 2) return rows.sort(cmp);
  const tail = rows.slice(run).sort(cmp);
  const out = new Uint32Array(rows.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < run && j < tail.length) out[k++] = cmp(rows[i]!, tail[j]!) <= 0 ? rows[i++]! : tail[j++]!;
  while (i < run) out[k++] = rows[i++]!;
  while (j < tail.length) out[k++] = tail[j++]!;
  return out;
}

/**
 * What the store knows of each row's file while its check at open runs (articleOpenCheck.ts): rows
 * found unreadable are hidden, and a row about to be shown is checked against its file first.
 */
export interface RowCheck {
  hidden(row: number): boolean;
  readable(row: number): boolean;
}

export function listRows(
  rows: IndexRows,
  opts: ArticleListOptions,
  check?: RowCheck,
): { total: number; items: ArticleSummary[] } {
  const c = rows.cols;
  const wanted = opts.status ? new Set<string>(opts.status) : null;
  const from = opts.updatedFrom ? Date.parse(opts.updatedFrom) : -Infinity;
  const to = opts.updatedTo ? Date.parse(opts.updatedTo) : Infinity;
  const person = opts.person ? `${PEOPLE_SEPARATOR}${opts.person}${PEOPLE_SEPARATOR}` : null;
  const order = sortedRows(rows, opts.sort ?? 'updated');
  // A typed array sized once: growing a plain array by 60,000 pushes costs more than the filtering.
  const matched = new Uint32Array(order.length);
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const row = opts.reverse ? order[order.length - 1 - k]! : order[k]!;
    const status = c.status[row]!;
    if (wanted ? !wanted.has(status) : !opts.includeSpiked && status === 'spiked') continue;
    const updated = c.updated[row]!;
    if (updated < from || updated >= to) continue;
    if (opts.creditProblems && !c.credit[row]) continue;
    if (opts.issueDate && c.issue[row] !== opts.issueDate) continue;
    if (opts.page && (opts.page === '-' ? c.page[row] !== '' : c.page[row] !== opts.page)) continue;
    if (person && !`${PEOPLE_SEPARATOR}${c.people[row]}${PEOPLE_SEPARATOR}`.includes(person)) continue;
    if (check?.hidden(row)) continue;
    matched[total++] = row;
  }
  // Only the rows shown are checked: one that fails gives its place to the next.
  const shown: number[] = [];
  let unreadable = 0;
  for (let k = opts.offset; k < total && shown.length < opts.limit; k++) {
    const row = matched[k]!;
    if (check && !check.readable(row)) unreadable++;
    else shown.push(row);
  }
  return { total: total - unreadable, items: rows.summariesAt(shown) };
}

/** The values the desk's filter menus offer, over every story (not just the page shown). */
export function listFacets(rows: IndexRows): { pages: string[]; people: string[]; issueDates: string[] } {
  const c = rows.cols;
  const pages = new Set<string>();
  const people = new Set<string>();
  const issueDates = new Set<string>();
  for (let row = 0; row < rows.rowCount; row++) {
    if (!c.id[row]) continue;
    if (c.page[row]) pages.add(c.page[row]!);
    if (c.issue[row]) issueDates.add(c.issue[row]!);
    if (c.people[row]) for (const p of c.people[row]!.split(PEOPLE_SEPARATOR)) people.add(p);
  }
  return {
    pages: [...pages].sort(),
    people: [...people].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    issueDates: [...issueDates].sort().reverse(),
  };
}

/** Every live row newest first (the desk's default order, in which the snapshot stores its rows). */
export function newestFirst(rows: IndexRows): number[] {
  return rows.liveRows().sort(comparator(rows.cols, 'updated'));
}

/** Live stories newest first (the order the search segment numbers them in). */
export function idsNewestFirst(rows: IndexRows): string[] {
  const c = rows.cols;
  const live: number[] = [];
  for (let row = 0; row < rows.rowCount; row++) if (c.id[row] && c.status[row] !== 'spiked') live.push(row);
  live.sort(comparator(c, 'updated'));
  return live.map((row) => c.id[row]!);
}
