/**
 * A search segment opened for queries. Only the gram dictionary and a few numbers per story live in
 * memory; postings and texts are read from disk per query (the page cache keeps them warm), so the
 * resident cost is small. Stories changed since the segment was written are marked dead here.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { ByteBoundedCache } from './byteBoundedCache';
import { foldUnits } from './foldedUnits';
import { IdTable } from './idTable';
import { listOfBits, narrow, narrowByBits } from './narrowPostings';
import { normalizeForSearch } from './searchIndex';
import type { JoinedDoc } from './segmentText';
import {
  DOCS_FILE,
  GRAMS_FILE,
  IDS_FILE,
  META_FILE,
  POSTINGS_FILE,
  SEGMENT_FORMAT,
  TEXTS_FILE,
  readPostings,
  readPostingsAsBits,
  type SegmentManifest,
  type SegmentMeta,
} from './segmentFiles';

export class SegmentDamaged extends Error {}

/** Decoded postings kept for the next queries (a common gram of a 60,000-story segment takes 7.5 KB as a bit set). */
const POSTINGS_CACHE_BYTES = 16 * 2 ** 20;
/** At most this much text is read in one go ahead of the candidates being checked. */
const SPAN_BYTES = 256 * 1024;

function readAligned(file: string, expectedSize: number): ArrayBuffer {
  const buf = readFileSync(file);
  if (buf.length !== expectedSize) throw new SegmentDamaged(`${file}: ${buf.length} bytes, expected ${expectedSize}`);
  // A copy into a fresh buffer gives typed arrays the alignment they need.
  const out = new ArrayBuffer(buf.length);
  new Uint8Array(out).set(buf);
  return out;
}

export class Segment {
  readonly docCount: number;
  private readonly ids: string[];
  private readonly numbers: IdTable;
  private readonly keys: Float64Array;
  private readonly offsets: Uint32Array;
  private readonly counts: Uint32Array;
  private readonly textStart: Float64Array;
  private readonly chars: Uint32Array;
  private readonly revisions: Uint32Array;
  private readonly dead: Uint8Array;
  private liveCount: number;
  private postingsFd: number;
  private textsFd: number;
  private scratch = Buffer.allocUnsafe(64 * 1024);
  /** Texts read ahead for the candidates being checked: bytes spanFrom..spanTo of the texts file. */
  private span = unpooled(SPAN_BYTES);
  private folded = new Uint16Array(SPAN_BYTES / 2);
  /** Which candidate the fold buffer holds (list and index), and its length in units (-1: not foldable by units). */
  private foldedFrom: Uint32Array | null = null;
  private foldedAt = -1;
  private foldedUnits = -1;
  private spanFrom = 0;
  private spanTo = 0;
  private readonly decoded = new ByteBoundedCache<number, Uint32Array>(POSTINGS_CACHE_BYTES);

  /** Opens the segment the manifest names; throws SegmentDamaged when any file is missing or the wrong size. */
  constructor(searchDir: string, manifest: SegmentManifest) {
    const dir = join(searchDir, manifest.folder);
    if (manifest.format !== SEGMENT_FORMAT) throw new SegmentDamaged(`format ${manifest.format}`);
    let meta: SegmentMeta;
    let ids: string[];
    try {
      const raw = readFileSync(join(dir, META_FILE));
      if (raw.length !== manifest.sizes[META_FILE]) throw new SegmentDamaged('meta size');
      meta = JSON.parse(raw.toString('utf8')) as SegmentMeta;
      const n = meta.docCount;
      const g = meta.gramCount;
      const rawIds = readFileSync(join(dir, IDS_FILE));
      if (rawIds.length !== manifest.sizes[IDS_FILE]) throw new SegmentDamaged('ids size');
      ids = n === 0 ? [] : rawIds.toString('latin1').split('\n');
      if (ids.length !== n) throw new SegmentDamaged('ids');
      const grams = readAligned(join(dir, GRAMS_FILE), manifest.sizes[GRAMS_FILE] ?? -1);
      if (grams.byteLength !== g * 8 + (g + 1) * 4 + g * 4) throw new SegmentDamaged('grams size');
      this.keys = new Float64Array(grams, 0, g);
      this.offsets = new Uint32Array(grams, g * 8, g + 1);
      this.counts = new Uint32Array(grams, g * 8 + (g + 1) * 4, g);
      const docs = readAligned(join(dir, DOCS_FILE), manifest.sizes[DOCS_FILE] ?? -1);
      if (docs.byteLength !== n * 16) throw new SegmentDamaged('docs size');
      this.textStart = new Float64Array(docs, 0, n);
      this.chars = new Uint32Array(docs, n * 8, n);
      this.revisions = new Uint32Array(docs, n * 12, n);
      this.postingsFd = openChecked(join(dir, POSTINGS_FILE), manifest.sizes[POSTINGS_FILE] ?? -1);
      this.textsFd = openChecked(join(dir, TEXTS_FILE), manifest.sizes[TEXTS_FILE] ?? -1);
      if (this.offsets[g] !== manifest.sizes[POSTINGS_FILE]) throw new SegmentDamaged('postings size');
    } catch (e) {
      if (e instanceof SegmentDamaged) throw e;
      throw new SegmentDamaged(e instanceof Error ? e.message : String(e));
    }
    this.docCount = meta.docCount;
    this.ids = ids;
    this.numbers = new IdTable(ids);
    this.dead = new Uint8Array(this.docCount);
    this.liveCount = this.docCount;
  }

  get live(): number {
    return this.liveCount;
  }

  /** The revision this segment holds for a story, or null when it does not hold it (or it died here). */
  revisionOf(id: string): number | null {
    const n = this.numbers.numberOf(id);
    return n < 0 || this.dead[n] ? null : this.revisions[n]!;
  }

  /** The story's number here, or -1 when this segment never held it. */
  numberOf(id: string): number {
    return this.numbers.numberOf(id);
  }

  /** The revision held under a story number, or null once it died here. */
  revisionAt(n: number): number | null {
    return this.dead[n] ? null : this.revisions[n]!;
  }

  /** Marks a story number dead (saved again, spiked or gone from the store). */
  killAt(n: number): void {
    if (this.dead[n]) return;
    this.dead[n] = 1;
    this.liveCount--;
  }

  /** The story was saved again or spiked: its text here is out of date. */
  kill(id: string): void {
    const n = this.numbers.numberOf(id);
    if (n >= 0) this.killAt(n);
  }

  idOf(n: number): string {
    return this.ids[n]!;
  }

  /** Live story numbers containing every gram, ascending (= newest first); [] if a gram is unknown. */
  candidates(grams: number[]): Uint32Array {
    const found: number[] = [];
    for (const key of grams) {
      const i = this.find(key);
      if (i < 0) return new Uint32Array(0);
      found.push(i);
    }
    if (found.length === 0) {
      const all = new Uint32Array(this.liveCount);
      let k = 0;
      for (let n = 0; n < this.docCount; n++) if (!this.dead[n]) all[k++] = n;
      return all.subarray(0, k);
    }
    found.sort((a, b) => this.counts[a]! - this.counts[b]!);
    // The shortest list is copied (cached postings are shared), then narrowed in place by the others.
    const first = found[0]!;
    const result = this.isDense(first)
      ? listOfBits(this.postings(first), this.counts[first]!)
      : Uint32Array.from(this.postings(first));
    let length = 0;
    for (let j = 0; j < result.length; j++) if (!this.dead[result[j]!]) result[length++] = result[j]!;
    for (let k = 1; k < found.length && length > 0; k++) {
      const other = found[k]!;
      length = this.isDense(other)
        ? narrowByBits(result, length, this.postings(other))
        : narrow(result, length, this.postings(other));
    }
    return result.subarray(0, length);
  }

  private find(key: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** A gram's story numbers, decoded from disk or from the cache of recently used ones. */
  /** A gram in more than one story in 32 is held as a bit set over all stories, which is then the smaller form. */
  private isDense(i: number): boolean {
    return this.counts[i]! * 32 > this.docCount;
  }

  /** A gram's postings (a bit set when dense, else the list), decoded from disk or from the cache. */
  private postings(i: number): Uint32Array {
    const cached = this.decoded.get(i);
    if (cached) return cached;
    const start = this.offsets[i]!;
    const length = this.offsets[i + 1]! - start;
    const bytes = this.scratchOf(length);
    readSync(this.postingsFd, bytes, 0, length, start);
    const count = this.counts[i]!;
    const decoded = this.isDense(i) ? readPostingsAsBits(bytes, count, this.docCount) : readPostings(bytes, count);
    this.decoded.set(i, decoded, decoded.byteLength);
    return decoded;
  }

  /** The shared read buffer for postings, grown to at least `length` bytes. */
  private scratchOf(length: number): Buffer {
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2));
    return this.scratch;
  }

  /**
   * The text bytes of `candidates[i]`. Candidates ascend and texts lie in story order, so the ones
   * close behind it are read in the same call: a page of hits costs a few reads, not one per story.
   */
  private textBytes(candidates: Uint32Array, i: number): Buffer {
    const n = candidates[i]!;
    const start = this.textStart[n]!;
    const end = start + this.chars[n]! * 2;
    if (start >= this.spanFrom && end <= this.spanTo)
      return this.span.subarray(start - this.spanFrom, end - this.spanFrom);
    let to = end;
    for (let k = i + 1; k < candidates.length; k++) {
      const m = candidates[k]!;
      const e = this.textStart[m]! + this.chars[m]! * 2;
      if (e - start > SPAN_BYTES) break;
      to = e;
    }
    if (this.span.length < to - start) this.span = unpooled(to - start);
    const read = readSync(this.textsFd, this.span, 0, to - start, start);
    this.spanFrom = start;
    this.spanTo = start + read;
    return this.span.subarray(0, end - start);
  }

  /** Folds a candidate's text into the fold buffer; returns its length in units, or -1 when it must be folded as a string. */
  private fold(candidates: Uint32Array, i: number): number {
    // A shown hit is folded once to be confirmed and used again for its snippet.
    if (this.foldedFrom === candidates && this.foldedAt === i) return this.foldedUnits;
    const bytes = this.textBytes(candidates, i);
    const units = bytes.length / 2;
    if (this.folded.length < units) this.folded = new Uint16Array(Math.max(units, this.folded.length * 2));
    // Span reads start at even offsets of an unpooled buffer, so the bytes can be viewed as UTF-16 units.
    this.foldedFrom = candidates;
    this.foldedAt = i;
    this.foldedUnits = foldUnits(new Uint16Array(bytes.buffer, bytes.byteOffset, units), units, this.folded);
    return this.foldedUnits;
  }

  /**
   * Whether a candidate's text holds the folded query as written: a byte search, no folding. Proof
   * enough for counting hits beyond the shown ones; texts where it fails are folded by matchAt.
   */
  containsAsWritten(candidates: Uint32Array, i: number, needle: Buffer): boolean {
    const bytes = this.textBytes(candidates, i);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) if (at % 2 === 0) return true;
    return false;
  }

  /** Where the folded query `q` first occurs in a candidate's folded text, or -1 (the candidate was a false hit). */
  matchAt(candidates: Uint32Array, i: number, q: string, needle: Buffer): number {
    const units = this.fold(candidates, i);
    if (units < 0) return normalizeForSearch(this.textBytes(candidates, i).toString('utf16le')).indexOf(q);
    const hay = Buffer.from(this.folded.buffer, 0, units * 2);
    // A match must start on a character boundary (an even byte offset).
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) if (at % 2 === 0) return at / 2;
    return -1;
  }

  /** A candidate's joined fields as written and folded, for highlighting a shown hit. */
  doc(candidates: Uint32Array, i: number): JoinedDoc {
    const original = this.textBytes(candidates, i).toString('utf16le');
    const units = this.fold(candidates, i);
    const normalized =
      units < 0 ? normalizeForSearch(original) : Buffer.from(this.folded.buffer, 0, units * 2).toString('utf16le');
    return { original, normalized };
  }

  close(): void {
    if (this.postingsFd >= 0) closeSync(this.postingsFd);
    if (this.textsFd >= 0) closeSync(this.textsFd);
    this.postingsFd = -1;
    this.textsFd = -1;
    this.decoded.clear();
    this.spanTo = 0;
    this.foldedFrom = null;
  }
}

/** A buffer of its own memory (offset 0), so any even offset in it can be viewed as UTF-16 units. */
function unpooled(bytes: number): Buffer {
  return Buffer.from(new ArrayBuffer(bytes));
}

function openChecked(file: string, size: number): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1);
  // The last byte must exist and nothing may follow it: a torn or grown file is not this segment.
  const atEnd = size > 0 ? readSync(fd, buf, 0, 1, size - 1) : 1;
  const past = readSync(fd, buf, 0, 1, size);
  if (atEnd !== 1 || past !== 0) {
    closeSync(fd);
    throw new SegmentDamaged(`${file}: not ${size} bytes`);
  }
  return fd;
}
