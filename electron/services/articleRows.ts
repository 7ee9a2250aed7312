/**
 * The listing index in memory: one row per story, as plain columns of what the desk filters and
 * sorts by. Whole summaries are kept only for rows saved since the snapshot or already shown; the
 * others are read on demand through `readSummary`.
 */
import { ARTICLE_KINDS, type ArticleSummary } from '../../shared/model/article';
import { STATUSES } from '../../shared/model/status';

export interface IndexEntry {
  summary: ArticleSummary;
  /** File mtime and size when the summary was taken; a mismatch at open means re-read. */
  mtimeMs: number;
  size: number;
}

export interface RowColumns {
  id: string[];
  mtimeMs: number[];
  size: number[];
  revision: number[];
  /** updatedAt as milliseconds since the epoch, for day filters and sorting. */
  updated: number[];
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
  order: number[];
  chars: number[];
  /** 1 when the credit check found something. */
  credit: number[];
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

function emptyColumns(): RowColumns {
  return Object.fromEntries(COLUMN_NAMES.map((c) => [c, []])) as unknown as RowColumns;
}

export function peopleOfSummary(s: ArticleSummary): string[] {
  return [...s.bylineNames, ...s.correspondentNames, s.updatedBy].filter(Boolean);
}

export class IndexRows {
  /** Removed rows keep their place with id '' until the next compaction renumbers them. */
  cols: RowColumns = emptyColumns();
  private rowOf = new Map<string, number>();
  private summaries: (ArticleSummary | undefined)[] = [];
  /** Changes with every put, remove or load, so a sorted order can be cached until then. */
  version = 0;

  constructor(private readonly readSummary: (row: number) => ArticleSummary) {}

  get size(): number {
    return this.rowOf.size;
  }

  /** Number of rows including removed ones (the range to scan). */
  get rowCount(): number {
    return this.cols.id.length;
  }

  clear(): void {
    this.version++;
    this.cols = emptyColumns();
    this.rowOf = new Map();
    this.summaries = [];
  }

  loadColumns(cols: RowColumns): void {
    this.version++;
    const n = cols.id.length;
    for (const c of COLUMN_NAMES) if (!Array.isArray(cols[c]) || cols[c].length !== n) throw new Error(`column ${c}`);
    this.cols = Object.fromEntries(COLUMN_NAMES.map((c) => [c, cols[c]])) as unknown as RowColumns;
    this.rowOf = new Map();
    for (let row = 0; row < n; row++) if (cols.id[row]) this.rowOf.set(cols.id[row]!, row);
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
    return (this.summaries[row] ??= this.readSummary(row));
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

  /** The live rows as columns (removed rows dropped), with the row numbers they came from. */
  columns(): { cols: RowColumns; order: number[] } {
    const order: number[] = [];
    for (let row = 0; row < this.cols.id.length; row++) if (this.cols.id[row]) order.push(row);
    const cols = Object.fromEntries(
      COLUMN_NAMES.map((c) => [c, order.map((row) => (this.cols[c] as unknown[])[row])]),
    ) as unknown as RowColumns;
    return { cols, order };
  }
}

/** Columns kept as text in the snapshot's JSON; the rest are numbers in its binary file. */
export type TextColumns = Pick<RowColumns, 'id' | 'headline' | 'people' | 'page' | 'issue'>;

const NUMBER_COLUMNS = ['mtimeMs', 'size', 'revision', 'updated', 'order', 'chars', 'credit'] as const;
const CODE_COLUMNS = { status: STATUSES as readonly string[], kind: ARTICLE_KINDS as readonly string[] };

/** Splits columns into JSON text and one float64 block (numbers, status and kind codes, summary lengths). */
export function encodeColumns(cols: RowColumns, sumLen: number[]): { text: TextColumns; numbers: Uint8Array } {
  const n = cols.id.length;
  const out = new Float64Array(n * (NUMBER_COLUMNS.length + 3));
  NUMBER_COLUMNS.forEach((c, k) => out.set(cols[c], k * n));
  let k = NUMBER_COLUMNS.length;
  for (const [c, values] of Object.entries(CODE_COLUMNS)) {
    const col = cols[c as keyof typeof CODE_COLUMNS];
    for (let row = 0; row < n; row++) out[k * n + row] = values.indexOf(col[row]!);
    k++;
  }
  out.set(sumLen, k * n);
  const { id, headline, people, page, issue } = cols;
  return { text: { id, headline, people, page, issue }, numbers: new Uint8Array(out.buffer) };
}

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
