/**
 * The listing snapshot's columns in one binary file (snapshot format 3), read at every open: numbers
 * as one float64 block and each text column as UTF-8 joined by NUL, so 60,000 rows decode with one
 * string per column and a split instead of parsing megabytes of JSON.
 */
import { ARTICLE_KINDS } from '../../../shared/model/article';
import { STATUSES } from '../../../shared/model/status';
import { columnsWithLazyText, type LazyTextColumn, type RowColumns } from './articleRows';

const MAGIC = 'NDCOLS3\n';
const NUMBER_COLUMNS = ['mtimeMs', 'size', 'revision', 'updated', 'order', 'chars', 'credit'] as const;
const CODE_COLUMNS = { status: STATUSES as readonly string[], kind: ARTICLE_KINDS as readonly string[] };
const TEXT_COLUMNS = ['id', 'headline', 'people', 'page', 'issue'] as const;
/** Number columns, the two code columns and the summaries' byte lengths. */
const WIDTH = NUMBER_COLUMNS.length + 3;
/** Magic, row count, then one byte length per text column; a multiple of 8 so the float block is aligned. */
const HEADER = 8 + 4 + 4 * TEXT_COLUMNS.length;
const FLOATS_AT = Math.ceil(HEADER / 8) * 8;

/** The id column is ASCII (ARTICLE_ID_PATTERN); the others UTF-16, which decodes far faster than UTF-8 for Chinese. */
const encodingOf = (c: (typeof TEXT_COLUMNS)[number]): BufferEncoding => (c === 'id' ? 'latin1' : 'utf16le');

/** NUL separates values; a value holding one (only a pasted headline could) loses it in the sort column only. */
function joinText(values: string[], encoding: BufferEncoding): Buffer {
  const safe = values.some((v) => v.includes('\0')) ? values.map((v) => v.replaceAll('\0', '')) : values;
  return Buffer.from(safe.join('\0'), encoding);
}

export function encodeColumnsFile(cols: RowColumns, sumLen: ArrayLike<number>): Buffer {
  const n = cols.id.length;
  const floats = new Float64Array(n * WIDTH);
  NUMBER_COLUMNS.forEach((c, k) => floats.set(cols[c], k * n));
  let k = NUMBER_COLUMNS.length;
  for (const [c, values] of Object.entries(CODE_COLUMNS)) {
    const col = cols[c as keyof typeof CODE_COLUMNS];
    for (let row = 0; row < n; row++) floats[k * n + row] = values.indexOf(col[row]!);
    k++;
  }
  floats.set(sumLen, k * n);
  const texts = TEXT_COLUMNS.map((c) => joinText(cols[c], encodingOf(c)));
  const header = Buffer.alloc(FLOATS_AT);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(n, 8);
  texts.forEach((t, i) => header.writeUInt32LE(t.length, 12 + 4 * i));
  return Buffer.concat([header, new Uint8Array(floats.buffer), ...texts]);
}

/**
 * Number columns come back as views of the file's bytes, ids from one split and statuses from their
 * codes; the other text columns and kinds are decoded on first read (a filter or sort by them), since
 * the first desk page needs none of them.
 */
export function decodeColumnsFile(buf: Buffer): { cols: RowColumns; sumLen: Float64Array } {
  if (buf.length < FLOATS_AT || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('columns file header');
  const n = buf.readUInt32LE(8);
  const textLengths = TEXT_COLUMNS.map((_, i) => buf.readUInt32LE(12 + 4 * i));
  const floatsEnd = FLOATS_AT + n * WIDTH * 8;
  if (buf.length !== floatsEnd + textLengths.reduce((a, b) => a + b, 0)) throw new Error('columns file size');
  // A Buffer from readFile may sit anywhere in its memory; float64 views need 8-byte alignment.
  const start = buf.byteOffset + FLOATS_AT;
  const floats =
    start % 8 === 0
      ? new Float64Array(buf.buffer, start, n * WIDTH)
      : new Float64Array(new Uint8Array(buf.subarray(FLOATS_AT, floatsEnd)).buffer);
  const column = (k: number) => floats.subarray(k * n, (k + 1) * n);
  const codes = (k: number, values: readonly string[]) => {
    const out = new Array<string>(n);
    for (let row = 0, i = k * n; row < n; row++, i++) out[row] = values[floats[i]!] ?? values[0]!;
    return out;
  };
  const textAt = new Map<string, [number, number]>();
  let at = floatsEnd;
  TEXT_COLUMNS.forEach((c, i) => {
    textAt.set(c, [at, at + textLengths[i]!]);
    at += textLengths[i]!;
  });
  const split = (c: (typeof TEXT_COLUMNS)[number]) => {
    const [from, to] = textAt.get(c)!;
    return n === 0 ? [] : buf.toString(encodingOf(c), from, to).split('\0');
  };
  const text = (c: Exclude<LazyTextColumn, 'kind'>) => {
    const values = split(c);
    if (values.length === n) return values;
    // Read after open, a damaged column cannot fail the open any more: it degrades to empty values.
    console.error(`[newsdesk] listing snapshot: column ${c} has ${values.length} values, not ${n}`);
    return Array.from({ length: n }, (_, row) => values[row] ?? '');
  };
  const [mtimeMs, size, revision, updated, order, chars, credit] = NUMBER_COLUMNS.map((_, k) => column(k));
  const ids = split('id');
  if (ids.length !== n) throw new Error('columns file: id');
  const cols = columnsWithLazyText(
    {
      id: ids,
      mtimeMs: mtimeMs!,
      size: size!,
      revision: revision!,
      updated: updated!,
      status: codes(NUMBER_COLUMNS.length, CODE_COLUMNS.status),
      order: order!,
      chars: chars!,
      credit: credit!,
    },
    (c) => (c === 'kind' ? codes(NUMBER_COLUMNS.length + 1, CODE_COLUMNS.kind) : text(c)),
  );
  return { cols, sumLen: column(NUMBER_COLUMNS.length + 2) };
}
