/**
 * The listing index in memory: one row per story, as plain columns of what the desk filters and
 * sorts by. Whole summaries are kept only for rows saved since the snapshot or already shown; the
 * others are read on demand through `readSummaries`.
 */
import { ARTICLE_KINDS, type ArticleSummary } from '../../../shared/model/article';
import { STATUSES } from '../../../shared/model/status';

export interface IndexEntry {
  summary: ArticleSummary;
  /** File mtime and size when the summary was taken; a mismatch at open means re-read. */
  mtimeMs: number;
  size: number;
}

/** Plain arrays once rows are added; typed arrays straight from the snapshot file until then. */
export type NumberColumn = number[] | Float64Array;

export interface RowColumns {
  id: string[];
  mtimeMs: NumberColumn;
  size: NumberColumn;
  revision: NumberColumn;
  /** updatedAt as milliseconds since the epoch, for day filters and sorting. */
  updated: NumberColumn;
  status: string[];
  kind: string[];
  headline: string[];
  /** Bylines, correspondents and the last editor, joined by PEOPLE_SEPARATOR. */
  people: string[];
  /** Page label, '' when not placed. */
  page: string[];
  /** Issue date (YYYY-MM-DD), '' when not placed. */
  issue: string[];
  /** Order in the page's slot list, 0 when not placed. */
  order: NumberColumn;
  chars: NumberColumn;
  /** 1 when the credit check found something. */
  credit: NumberColumn;
}

export const PEOPLE_SEPARATOR = '\u0001';

const COLUMN_NAMES = [
  'id',
  'mtimeMs',
  'size',
  'revision',
  'updated',
  'status',
  'kind',
  'headline',
  'people',
  'page',
  'issue',
  'order',
  'chars',
  'credit',
] as const satisfies readonly (keyof RowColumns)[];

/**
 * Columns as one object literal: an object built key by key (Object.fromEntries) turns into a slow
 * dictionary past a dozen keys, and the listing reads these columns 60,000 times per query.
 */
function columnsOf(get: (c: (typeof COLUMN_NAMES)[number]) => ArrayLike<unknown>): RowColumns {
  return {
    id: get('id') as string[],
    mtimeMs: get('mtimeMs') as NumberColumn,
    size: get('size') as NumberColumn,
    revision: get('revision') as NumberColumn,
    updated: get('updated') as NumberColumn,
    status: get('status') as string[],
    kind: get('kind') as string[],
    headline: get('headline') as string[],
    people: get('people') as string[],
    page: get('page') as string[],
    issue: get('issue') as string[],
    order: get('order') as NumberColumn,
    chars: get('chars') as NumberColumn,
    credit: get('credit') as NumberColumn,
  };
}

/** Text columns a snapshot may leave undecoded until first read: the first desk page needs none of them. */
export const LAZY_TEXT_COLUMNS = ['kind', 'headline', 'people', 'page', 'issue'] as const;
export type LazyTextColumn = (typeof LAZY_TEXT_COLUMNS)[number];

/** Column objects whose text columns decode on first read; loaded as they are, not copied (which would read them). */
const lazyColumns = new WeakSet<RowColumns>();

export function columnsWithLazyText(
  eager: Omit<RowColumns, LazyTextColumn>,
  decode: (c: LazyTextColumn) => string[],
): RowColumns {
  const text: Partial<Record<LazyTextColumn, string[]>> = {};
  // Enumerable accessors, as getters written out would be: a spread still reads (decodes) every column.
  const cols = { ...eager } as RowColumns;
  for (const c of LAZY_TEXT_COLUMNS) {
    Object.defineProperty(cols, c, {
      enumerable: true,
      get: () => (text[c] ??= decode(c)),
      set: (v: string[]) => {
        text[c] = v;
      },
    });
  }
  lazyColumns.add(cols);
  return cols;
}

function emptyColumns(): RowColumns {
  return columnsOf(() => []);
}

export function peopleOfSummary(s: ArticleSummary): string[] {
  return [...s.bylineNames, ...s.correspondentNames, s.updatedBy].filter(Boolean);
}

export class IndexRows {
  /** Removed rows keep their place with id '' until the next compaction renumbers them. */
  cols: RowColumns = emptyColumns();
  /** Row of each id; built on first use after a load, since listing the first page needs none. */
  private byId: Map<string, number> | null = new Map();
  private liveCount = 0;
  private summaries: (ArticleSummary | undefined)[] = [];
  /** Changes with every put, remove or load, so a sorted order can be cached until then. */
  version = 0;

  constructor(private readonly readSummaries: (rows: number[]) => ArticleSummary[]) {}

  get size(): number {
    return this.byId ? this.byId.size : this.liveCount;
  }

  private get rowOf(): Map<string, number> {
    if (this.byId) return this.byId;
    const map = new Map<string, number>();
    const id = this.cols.id;
    for (let row = 0; row < id.length; row++) if (id[row]) map.set(id[row]!, row);
    this.byId = map;
    return map;
  }

  /** Number of rows including removed ones (the range to scan). */
  get rowCount(): number {
    return this.cols.id.length;
  }

  clear(): void {
    this.version++;
    this.cols = emptyColumns();
    this.byId = new Map();
    this.summaries = [];
  }

  loadColumns(cols: RowColumns): void {
    this.version++;
    const n = cols.id.length;
    const lazy = lazyColumns.has(cols);
    for (const c of COLUMN_NAMES) {
      if (lazy && (LAZY_TEXT_COLUMNS as readonly string[]).includes(c)) continue;
      if (cols[c]?.length !== n) throw new Error(`column ${c}`);
    }
    this.cols = lazy ? cols : columnsOf((c) => cols[c]);
    this.byId = null;
    this.liveCount = 0;
    for (let row = 0; row < n; row++) if (cols.id[row]) this.liveCount++;
    this.summaries = new Array<ArticleSummary | undefined>(n);
  }

  rowOfId(id: string): number | undefined {
    return this.rowOf.get(id);
  }

  put(entry: IndexEntry): void {
    this.version++;
    const s = entry.summary;
    let row = this.rowOf.get(s.id);
    if (row === undefined) {
      this.growable();
      row = this.cols.id.length;
      this.rowOf.set(s.id, row);
    }
    const c = this.cols;
    c.id[row] = s.id;
    c.mtimeMs[row] = entry.mtimeMs;
    c.size[row] = entry.size;
    c.revision[row] = s.revision;
    c.updated[row] = Date.parse(s.updatedAt) || 0;
    c.status[row] = s.status;
    c.kind[row] = s.kind;
    c.headline[row] = s.headline;
    c.people[row] = peopleOfSummary(s).join(PEOPLE_SEPARATOR);
    c.page[row] = s.placement?.page ?? '';
    c.issue[row] = s.placement?.issueDate ?? '';
    c.order[row] = s.placement?.order ?? 0;
    c.chars[row] = s.bodyChars;
    c.credit[row] = s.creditProblems.length > 0 ? 1 : 0;
    this.summaries[row] = s;
  }

  /** Typed columns from the snapshot cannot grow: copied to plain arrays before the first new row. */
  private growable(): void {
    const c = this.cols;
    if (Array.isArray(c.mtimeMs)) return;
    const grow = (col: NumberColumn) => (Array.isArray(col) ? col : Array.from(col));
    c.mtimeMs = grow(c.mtimeMs);
    c.size = grow(c.size);
    c.revision = grow(c.revision);
    c.updated = grow(c.updated);
    c.order = grow(c.order);
    c.chars = grow(c.chars);
    c.credit = grow(c.credit);
  }

  remove(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    this.version++;
    this.rowOf.delete(id);
    this.cols.id[row] = '';
    this.summaries[row] = undefined;
    return true;
  }

  stamp(id: string): { mtimeMs: number; size: number } | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : { mtimeMs: this.cols.mtimeMs[row]!, size: this.cols.size[row]! };
  }

  summaryAt(row: number): ArticleSummary {
    return (this.summaries[row] ??= this.readSummaries([row])[0]!);
  }

  /** Summaries of many rows, those not in memory read together (a desk page in one read). */
  summariesAt(rowList: number[]): ArticleSummary[] {
    const missing = rowList.filter((row) => !this.summaries[row]);
    if (missing.length > 0) this.readSummaries(missing).forEach((s, i) => (this.summaries[missing[i]!] = s));
    return rowList.map((row) => this.summaries[row]!);
  }

  cachedSummary(row: number): ArticleSummary | undefined {
    return this.summaries[row];
  }

  summary(id: string): ArticleSummary | null {
    const row = this.rowOf.get(id);
    return row === undefined ? null : this.summaryAt(row);
  }

  ids(): string[] {
    return [...this.rowOf.keys()];
  }

  /** The live rows as columns (removed rows dropped), in `order` (row numbers), with that order. */
  columns(order: number[] = this.liveRows()): { cols: RowColumns; order: number[] } {
    const cols = columnsOf((c) => order.map((row) => (this.cols[c] as unknown[])[row]));
    return { cols, order };
  }

  liveRows(): number[] {
    const order: number[] = [];
    for (let row = 0; row < this.cols.id.length; row++) if (this.cols.id[row]) order.push(row);
    return order;
  }
}

/** Columns kept as text in the snapshot's JSON; the rest are numbers in its binary file. */
export type TextColumns = Pick<RowColumns, 'id' | 'headline' | 'people' | 'page' | 'issue'>;

const NUMBER_COLUMNS = ['mtimeMs', 'size', 'revision', 'updated', 'order', 'chars', 'credit'] as const;
const CODE_COLUMNS = { status: STATUSES as readonly string[], kind: ARTICLE_KINDS as readonly string[] };

/** Reads a format-2 snapshot's columns (JSON text plus one float64 block), so an upgraded store keeps its index. */
export function decodeColumns(text: TextColumns, numbers: Buffer): { cols: RowColumns; sumLen: number[] } {
  const n = text.id.length;
  const width = NUMBER_COLUMNS.length + 3;
  if (numbers.length !== n * width * 8) throw new Error('columns file size');
  const aligned = new Float64Array(n * width);
  new Uint8Array(aligned.buffer).set(numbers);
  // A plain loop: Array.from over a typed array goes through the iterator and is many times slower.
  const column = (k: number) => {
    const out = new Array<number>(n);
    for (let row = 0, at = k * n; row < n; row++, at++) out[row] = aligned[at]!;
    return out;
  };
  const cols = { ...text } as RowColumns;
  NUMBER_COLUMNS.forEach((c, k) => (cols[c] = column(k)));
  let k = NUMBER_COLUMNS.length;
  for (const [c, values] of Object.entries(CODE_COLUMNS)) {
    const out = new Array<string>(n);
    for (let row = 0, at = k * n; row < n; row++, at++) out[row] = values[aligned[at]!] ?? values[0]!;
    cols[c as keyof typeof CODE_COLUMNS] = out;
    k++;
  }
  return { cols, sumLen: column(k) };
}
