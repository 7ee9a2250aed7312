/**
 * Track changes (留痕) on the header fields and credits, as pure functions over immutable values:
 * an edit of the text as it reads (what the input shows) becomes struck and inserted runs; accept and
 * reject follow the body's resolver (an insertion rejected or a deletion accepted goes).
 */
import type { ArticleContent } from '../../model/article';
import type { Byline, Correspondent } from '../../model/people';
import type { ChangeKind } from '../../model/suggestions';
import {
  TRACKED_CREDIT_FIELDS,
  TRACKED_TEXT_FIELDS,
  type TrackedCreditField,
  type TrackedFields,
  type TrackedItem,
  type TrackedRun,
  type TrackedTextField,
} from '../../model/trackedFields';
import type { Decide } from './decision';

/** Every tracked field of one story, always complete: a field without suggestions is one plain run. */
export interface FieldsState {
  text: Record<TrackedTextField, TrackedRun[]>;
  bylines: TrackedItem<Byline>[];
  correspondents: TrackedItem<Correspondent>[];
}

/** How an edit is tracked: null in normal mode. */
export interface TrackContext {
  /** Whether the id is the editing person's own suggestion (their own insertions change for real). */
  isOwn: (id: string) => boolean;
  /** Whether typing on beside this id extends it: the person's own live insertion or replacement. */
  canExtend: (id: string) => boolean;
  /** Records a new change and returns its id. */
  record: (kind: ChangeKind) => string;
}

interface Cell {
  ch: string;
  ins?: string;
  del?: string;
}

export function runsFrom(text: string): TrackedRun[] {
  return [{ text }];
}

/** The text as it reads now, with every suggestion accepted: struck runs left out. */
export function liveText(runs: readonly TrackedRun[]): string {
  let out = '';
  for (const r of runs) if (r.del === undefined) out += r.text;
  return out;
}

function toCells(runs: readonly TrackedRun[]): Cell[] {
  const cells: Cell[] = [];
  for (const r of runs)
    for (let i = 0; i < r.text.length; i++) {
      const c: Cell = { ch: r.text[i]! };
      if (r.ins !== undefined) c.ins = r.ins;
      if (r.del !== undefined) c.del = r.del;
      cells.push(c);
    }
  return cells;
}

/** Neighbouring runs with the same ids merge and empty ones go; an empty field is one empty plain run. */
export function normalizeRuns(runs: readonly TrackedRun[]): TrackedRun[] {
  const out: TrackedRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.ins === r.ins && last.del === r.del) out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push(r);
  }
  return out.length > 0 ? out : [{ text: '' }];
}

function fromCells(cells: readonly Cell[]): TrackedRun[] {
  return normalizeRuns(
    cells.map((c) => {
      const r: TrackedRun = { text: c.ch };
      if (c.ins !== undefined) r.ins = c.ins;
      if (c.del !== undefined) r.del = c.del;
      return r;
    }),
  );
}

/**
 * Replaces the live (as-read) characters [start, end) with `text`. Tracked: the old characters are
 * struck (the person's own insertions go for real) and the new follow them; striking and inserting
 * in one edit is one `replace` change. Typing on from one's own insertion extends it.
 */
export function editRuns(
  runs: readonly TrackedRun[],
  start: number,
  end: number,
  text: string,
  track: TrackContext | null,
): TrackedRun[] {
  const cells = toCells(runs);
  const live: number[] = [];
  cells.forEach((c, i) => {
    if (c.del === undefined) live.push(i);
  });
  const from = Math.max(0, Math.min(start, live.length));
  const to = Math.max(from, Math.min(end, live.length));
  const inRange = live.slice(from, to);
  let at = to > from ? inRange[inRange.length - 1]! + 1 : from === 0 ? 0 : live[from - 1]! + 1;
  if (!track) {
    const kept = cells.filter((_, i) => !inRange.includes(i));
    at -= inRange.filter((i) => i < at).length;
    kept.splice(at, 0, ...text.split('').map((ch) => ({ ch })));
    return fromCells(kept);
  }
  const struck = inRange.filter((i) => !(cells[i]!.ins !== undefined && track.isOwn(cells[i]!.ins!)));
  let id: string | undefined;
  if (struck.length > 0) id = track.record(text ? 'replace' : 'delete');
  for (const i of struck) cells[i] = { ...cells[i]!, del: id };
  const removed = new Set(inRange.filter((i) => !struck.includes(i)));
  const kept = cells.filter((_, i) => !removed.has(i));
  at -= [...removed].filter((i) => i < at).length;
  if (text) {
    if (id === undefined) {
      const before = kept[at - 1];
      const after = kept[at];
      const extend = (c: Cell | undefined) =>
        c && c.del === undefined && c.ins !== undefined && track.canExtend(c.ins) ? c.ins : undefined;
      id = extend(before) ?? extend(after) ?? track.record('insert');
    }
    const ins = id;
    kept.splice(at, 0, ...text.split('').map((ch) => ({ ch, ins })));
  }
  return fromCells(kept);
}

/** The live range an edit of `before` into `after` changed, with the caret after it to place repeated letters right. */
export function diffText(
  before: string,
  after: string,
  caret?: number,
): { start: number; end: number; text: string } | null {
  if (before === after) return null;
  const maxSuffix = Math.min(before.length, after.length, caret === undefined ? Infinity : after.length - caret);
  let suffix = 0;
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  let prefix = 0;
  const maxPrefix = Math.min(before.length - suffix, after.length - suffix);
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++;
  // Never cut a surrogate pair: the halves would land in different runs.
  const isHigh = (s: string, i: number) => i >= 0 && /[\uD800-\uDBFF]/.test(s[i] ?? '');
  if (prefix > 0 && isHigh(before, prefix - 1)) prefix--;
  if (suffix > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - suffix] ?? '')) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A credit list edited to `next` (the live list as the inputs show it). Tracked: a changed credit is
 * struck with its new value beside it (one replace), a removed one struck, an added one inserted;
 * the person's own added credits change in place.
 */
export function editItems<T>(
  items: readonly TrackedItem<T>[],
  next: readonly T[],
  track: TrackContext | null,
): TrackedItem<T>[] {
  const live: number[] = [];
  items.forEach((it, i) => {
    if (it.del === undefined) live.push(i);
  });
  const old = live.map((i) => items[i]!.value);
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && sameValue(old[prefix], next[prefix])) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < next.length - prefix &&
    sameValue(old[old.length - 1 - suffix], next[next.length - 1 - suffix])
  )
    suffix++;
  const oldMid = live.slice(prefix, old.length - suffix);
  const newMid = next.slice(prefix, next.length - suffix);
  if (oldMid.length === 0 && newMid.length === 0) return items.slice();
  const startPos = oldMid.length > 0 ? oldMid[0]! : prefix === 0 ? 0 : live[prefix - 1]! + 1;
  const endPos = oldMid.length > 0 ? oldMid[oldMid.length - 1]! + 1 : startPos;
  const out: TrackedItem<T>[] = items.slice(0, startPos);
  let delId: string | undefined;
  let j = 0;
  for (let i = startPos; i < endPos; i++) {
    const item = items[i]!;
    if (item.del !== undefined) {
      out.push(item);
      continue;
    }
    const value = j < newMid.length ? newMid[j] : undefined;
    j++;
    const own = item.ins !== undefined && track?.isOwn(item.ins);
    if (!track || own) {
      if (value !== undefined) out.push({ ...item, value });
      continue;
    }
    if (value !== undefined) {
      const id = track.record('replace');
      out.push({ ...item, del: id }, { value, ins: id });
    } else out.push({ ...item, del: (delId ??= track.record('delete')) });
  }
  if (j < newMid.length) {
    const id = track ? track.record('insert') : undefined;
    for (; j < newMid.length; j++) out.push(id ? { value: newMid[j]!, ins: id } : { value: newMid[j]! });
  }
  out.push(...items.slice(endPos));
  return out;
}

export function resolveRuns(runs: readonly TrackedRun[], decide: Decide): TrackedRun[] {
  const out: TrackedRun[] = [];
  for (const r of runs) {
    const ins = r.ins === undefined ? null : decide(r.ins);
    const del = r.del === undefined ? null : decide(r.del);
    if (ins === 'reject' || del === 'accept') continue;
    const next: TrackedRun = { ...r };
    if (ins === 'accept') delete next.ins;
    if (del === 'reject') delete next.del;
    out.push(next);
  }
  return normalizeRuns(out);
}

export function resolveItems<T>(items: readonly TrackedItem<T>[], decide: Decide): TrackedItem<T>[] {
  const out: TrackedItem<T>[] = [];
  for (const it of items) {
    const ins = it.ins === undefined ? null : decide(it.ins);
    const del = it.del === undefined ? null : decide(it.del);
    if (ins === 'reject' || del === 'accept') continue;
    const next: TrackedItem<T> = { ...it };
    if (ins === 'accept') delete next.ins;
    if (del === 'reject') delete next.del;
    out.push(next);
  }
  return out;
}

/** Accepts and rejects on every field; the same object when no decision touched anything. */
export function resolveFields(state: FieldsState, decide: Decide): FieldsState {
  if (fieldSuggestionIds(state).size === 0) return state;
  const text = { ...state.text };
  for (const f of TRACKED_TEXT_FIELDS) text[f] = resolveRuns(state.text[f], decide);
  return {
    text,
    bylines: resolveItems(state.bylines, decide),
    correspondents: resolveItems(state.correspondents, decide),
  };
}

/** Which field an id is found in, with the kind it shows there. */
export interface FieldIdPlace {
  field: TrackedTextField | TrackedCreditField;
  kind: ChangeKind;
}

/** Every suggestion id in the fields, in screen order; an id on both struck and inserted text is a replacement. */
export function fieldSuggestionIds(
  state: Pick<FieldsState, 'text' | 'bylines' | 'correspondents'>,
): Map<string, FieldIdPlace> {
  const ids = new Map<string, FieldIdPlace>();
  const see = (id: string | undefined, field: FieldIdPlace['field'], kind: ChangeKind) => {
    if (id === undefined) return;
    const seen = ids.get(id);
    if (!seen) ids.set(id, { field, kind });
    else if (seen.kind !== kind && (kind === 'insert' || kind === 'delete')) seen.kind = 'replace';
  };
  for (const f of TRACKED_TEXT_FIELDS)
    for (const r of state.text[f]) {
      if (r.text === '') continue;
      see(r.ins, f, 'insert');
      see(r.del, f, 'delete');
    }
  for (const f of TRACKED_CREDIT_FIELDS)
    for (const it of state[f]) {
      see(it.ins, f, 'insert');
      see(it.del, f, 'delete');
    }
  return ids;
}

function liveItems<T>(items: readonly TrackedItem<T>[]): T[] {
  return items.filter((it) => it.del === undefined).map((it) => it.value);
}

/** The tracked fields of a stored article: the saved runs where there are any, else the plain values. */
export function fieldsStateOf(
  content: Pick<ArticleContent, TrackedTextField | TrackedCreditField | 'tracked'>,
): FieldsState {
  const tracked = content.tracked ?? {};
  const text = {} as Record<TrackedTextField, TrackedRun[]>;
  for (const f of TRACKED_TEXT_FIELDS) text[f] = tracked[f]?.length ? tracked[f]! : runsFrom(content[f]);
  return {
    text,
    bylines: tracked.bylines ?? content.bylines.map((value) => ({ value })),
    correspondents: tracked.correspondents ?? content.correspondents.map((value) => ({ value })),
  };
}

/** The live values of every tracked field: what the inputs show and plain readers of the article get. */
export function liveFields(state: FieldsState): Pick<ArticleContent, TrackedTextField | TrackedCreditField> {
  return {
    kicker: liveText(state.text.kicker),
    headline: liveText(state.text.headline),
    subheadline: liveText(state.text.subheadline),
    source: liveText(state.text.source),
    deskNote: liveText(state.text.deskNote),
    bylines: liveItems(state.bylines),
    correspondents: liveItems(state.correspondents),
  };
}

/** The runs and items of the fields that carry suggestions, for the article's `tracked`; undefined when none do. */
export function trackedOf(
  state: FieldsState,
  keepItem: (field: TrackedCreditField, value: unknown) => boolean,
): TrackedFields | undefined {
  const out: TrackedFields = {};
  const hasIds = (xs: readonly { ins?: string; del?: string }[]) =>
    xs.some((x) => x.ins !== undefined || x.del !== undefined);
  for (const f of TRACKED_TEXT_FIELDS) if (hasIds(state.text[f])) out[f] = state.text[f];
  if (hasIds(state.bylines)) out.bylines = state.bylines.filter((it) => keepItem('bylines', it.value));
  if (hasIds(state.correspondents))
    out.correspondents = state.correspondents.filter((it) => keepItem('correspondents', it.value));
  return Object.keys(out).length > 0 ? out : undefined;
}
