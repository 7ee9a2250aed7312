/**
 * A search segment opened for queries. Only the gram dictionary and a few numbers per story live in
 * memory; postings and texts are read from disk per query (the page cache keeps them warm), so the
 * resident cost is small. Stories changed since the segment was written are marked dead here.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOCS_FILE,
  GRAMS_FILE,
  META_FILE,
  POSTINGS_FILE,
  SEGMENT_FORMAT,
  TEXTS_FILE,
  readPostings,
  type SegmentManifest,
  type SegmentMeta,
} from './segmentFiles';

export class SegmentDamaged extends Error {}

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
  private readonly numberOf = new Map<string, number>();
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

  /** Opens the segment the manifest names; throws SegmentDamaged when any file is missing or the wrong size. */
  constructor(searchDir: string, manifest: SegmentManifest) {
    const dir = join(searchDir, manifest.folder);
    if (manifest.format !== SEGMENT_FORMAT) throw new SegmentDamaged(`format ${manifest.format}`);
    let meta: SegmentMeta;
    try {
      const raw = readFileSync(join(dir, META_FILE));
      if (raw.length !== manifest.sizes[META_FILE]) throw new SegmentDamaged('meta size');
      meta = JSON.parse(raw.toString('utf8')) as SegmentMeta;
      const n = meta.docCount;
      const g = meta.gramCount;
      if (meta.ids.length !== n) throw new SegmentDamaged('ids');
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
    this.ids = meta.ids;
    this.ids.forEach((id, n) => this.numberOf.set(id, n));
    this.dead = new Uint8Array(this.docCount);
    this.liveCount = this.docCount;
  }

  get live(): number {
    return this.liveCount;
  }

  /** The revision this segment holds for a story, or null when it does not hold it (or it died here). */
  revisionOf(id: string): number | null {
    const n = this.numberOf.get(id);
    return n === undefined || this.dead[n] ? null : this.revisions[n]!;
  }

  /** Every live id, for the check against the store at start. */
  *liveIds(): Generator<string> {
    for (let n = 0; n < this.docCount; n++) if (!this.dead[n]) yield this.ids[n]!;
  }

  /** The story was saved again or spiked: its text here is out of date. */
  kill(id: string): void {
    const n = this.numberOf.get(id);
    if (n === undefined || this.dead[n]) return;
    this.dead[n] = 1;
    this.liveCount--;
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
    if (found.length === 0)
      return Uint32Array.from({ length: this.docCount }, (_, n) => n).filter((n) => !this.dead[n]);
    found.sort((a, b) => this.counts[a]! - this.counts[b]!);
    let result = this.postings(found[0]!);
    for (let k = 1; k < found.length && result.length > 0; k++) result = intersect(result, this.postings(found[k]!));
    return result.filter((n) => !this.dead[n]);
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

  private postings(i: number): Uint32Array {
    const start = this.offsets[i]!;
    const bytes = Buffer.allocUnsafe(this.offsets[i + 1]! - start);
    readSync(this.postingsFd, bytes, 0, bytes.length, start);
    return readPostings(bytes, this.counts[i]!);
  }

  /** The story's joined fields as written, read from disk (folding them is cheaper than storing both). */
  text(n: number): string {
    const buf = Buffer.allocUnsafe(this.chars[n]! * 2);
    readSync(this.textsFd, buf, 0, buf.length, this.textStart[n]!);
    return buf.toString('utf16le');
  }

  /**
   * Whether the story's text contains `needle` (UTF-16LE bytes of a folded query) as written: a byte
   * search on the file's bytes, no string made, for counting hits beyond the ones shown.
   */
  containsAsWritten(n: number, needle: Buffer): boolean {
    const length = this.chars[n]! * 2;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2));
    readSync(this.textsFd, this.scratch, 0, length, this.textStart[n]!);
    const bytes = this.scratch.subarray(0, length);
    // A match must start on a character boundary (an even byte offset).
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) if (at % 2 === 0) return true;
    return false;
  }

  close(): void {
    if (this.postingsFd >= 0) closeSync(this.postingsFd);
    if (this.textsFd >= 0) closeSync(this.textsFd);
    this.postingsFd = -1;
    this.textsFd = -1;
  }
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

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      out[k++] = x;
      i++;
      j++;
    }
  }
  return out.subarray(0, k);
}
