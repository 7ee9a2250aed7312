/**
 * The on-disk layout of a search segment, shared by the worker that writes it and the process that reads it:
 * file names, the manifest naming the current segment, and the varint coding of postings.
 */
export const SEGMENT_FORMAT = 2;

/** Sorted gram keys (float64), postings offsets (uint32, one extra at the end) and document counts (uint32). */
export const GRAMS_FILE = 'grams.bin';
/** Per story: text start in bytes (float64), then text length in UTF-16 units and revision (uint32 each). */
export const DOCS_FILE = 'docs.bin';
/** Story numbers per gram, ascending, as varint gaps. */
export const POSTINGS_FILE = 'postings.bin';
/** Joined fields as written, UTF-16LE; queries fold them when confirming. */
export const TEXTS_FILE = 'texts.bin';
/** Counts. */
export const META_FILE = 'meta.json';
/** Ids in story-number order, one a line (article ids are ASCII letters, digits and '-'): split faster than JSON parses. */
export const IDS_FILE = 'ids.txt';
/** In the search folder: which segment folder is current, with the byte size of each of its files. */
export const MANIFEST_FILE = 'segment.json';

export interface SegmentMeta {
  format: number;
  docCount: number;
  gramCount: number;
}

export interface SegmentManifest {
  format: number;
  folder: string;
  sizes: Record<string, number>;
}

/** Appends `value` (a non-negative integer below 2^32) as LEB128 to `out` at `at`; returns the new end. */
export function writeVarint(out: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    out[at++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  return at;
}

/** Decodes `count` gap-coded story numbers from `bytes`, calling `take` with each in ascending order. */
function decodeGaps(bytes: Uint8Array, count: number, take: (n: number) => void): void {
  let at = 0;
  let last = -1;
  for (let i = 0; i < count; i++) {
    let b = bytes[at++]!;
    // Most gaps of a common gram fit in one byte.
    if (b < 0x80) {
      last += b;
      take(last);
      continue;
    }
    let v = b & 0x7f;
    let shift = 128;
    do {
      b = bytes[at++]!;
      v += (b & 0x7f) * shift;
      shift *= 128;
    } while (b & 0x80);
    last += v;
    take(last);
  }
}

/** Decodes `count` gap-coded story numbers from `bytes`. */
export function readPostings(bytes: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let i = 0;
  decodeGaps(bytes, count, (n) => (out[i++] = n));
  return out;
}

/** Decodes gap-coded story numbers into a bit set over `docCount` stories (smaller than the list for a common gram). */
export function readPostingsAsBits(bytes: Uint8Array, count: number, docCount: number): Uint32Array {
  const bits = new Uint32Array((docCount + 31) >>> 5);
  decodeGaps(bytes, count, (n) => (bits[n >>> 5]! |= 1 << (n & 31)));
  return bits;
}
