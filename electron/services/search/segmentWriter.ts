/**
 * Writes a search segment from stories given in order (newest first). Runs in the build worker:
 * postings grow as varint gaps in per-gram byte buffers, texts stream straight to disk, so memory
 * stays near the size of the compressed postings.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gramsOf, type JoinedDoc } from './segmentText';
import {
  DOCS_FILE,
  GRAMS_FILE,
  IDS_FILE,
  META_FILE,
  POSTINGS_FILE,
  SEGMENT_FORMAT,
  TEXTS_FILE,
  writeVarint,
  type SegmentMeta,
} from './segmentFiles';

interface GramPostings {
  bytes: Uint8Array;
  length: number;
  last: number;
  count: number;
}

export class SegmentWriter {
  private readonly grams = new Map<number, GramPostings>();
  private readonly ids: string[] = [];
  private textStart: number[] = [];
  private chars: number[] = [];
  private revisions: number[] = [];
  private readonly textsFd: number;
  private textBytes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.textsFd = openSync(join(dir, TEXTS_FILE), 'w', 0o600);
  }

  add(id: string, revision: number, doc: JoinedDoc): void {
    const n = this.ids.length;
    this.ids.push(id);
    this.revisions.push(revision);
    this.textStart.push(this.textBytes);
    this.chars.push(doc.original.length);
    this.queueText(doc.original);
    for (const key of gramsOf(doc.normalized)) {
      let p = this.grams.get(key);
      if (!p) {
        p = { bytes: new Uint8Array(8), length: 0, last: -1, count: 0 };
        this.grams.set(key, p);
      }
      if (p.length + 5 > p.bytes.length) {
        const bigger = new Uint8Array(p.bytes.length * 2);
        bigger.set(p.bytes.subarray(0, p.length));
        p.bytes = bigger;
      }
      p.length = writeVarint(p.bytes, p.length, n - p.last);
      p.last = n;
      p.count++;
    }
  }

  private queueText(text: string): void {
    const buf = Buffer.from(text, 'utf16le');
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.textBytes += buf.length;
    if (this.pendingBytes > 1 << 20) this.flushText();
  }

  private flushText(): void {
    if (this.pendingBytes === 0) return;
    writeSync(this.textsFd, Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Writes the remaining files and fsyncs them all; returns each file's size for the manifest. */
  finish(): Record<string, number> {
    this.flushText();
    fsyncSync(this.textsFd);
    closeSync(this.textsFd);
    const keys = Float64Array.from(this.grams.keys()).sort();
    const g = keys.length;
    const offsets = new Uint32Array(g + 1);
    const counts = new Uint32Array(g);
    let total = 0;
    keys.forEach((k, i) => {
      const p = this.grams.get(k)!;
      offsets[i] = total;
      counts[i] = p.count;
      total += p.length;
    });
    offsets[g] = total;
    const postings = new Uint8Array(total);
    keys.forEach((k, i) => {
      const p = this.grams.get(k)!;
      postings.set(p.bytes.subarray(0, p.length), offsets[i]);
    });
    this.grams.clear();
    const n = this.ids.length;
    const docs = new Uint8Array(n * 16);
    new Float64Array(docs.buffer, 0, n).set(this.textStart);
    const u32 = new Uint32Array(docs.buffer, n * 8, n * 2);
    u32.set(this.chars, 0);
    u32.set(this.revisions, n);
    const gramsBytes = concatBytes([keys, offsets, counts]);
    const meta: SegmentMeta = { format: SEGMENT_FORMAT, docCount: n, gramCount: g };
    const files: [string, Uint8Array][] = [
      [GRAMS_FILE, gramsBytes],
      [DOCS_FILE, docs],
      [POSTINGS_FILE, postings],
      [META_FILE, Buffer.from(JSON.stringify(meta))],
      [IDS_FILE, Buffer.from(this.ids.join('\n'))],
    ];
    const sizes: Record<string, number> = { [TEXTS_FILE]: this.textBytes };
    for (const [name, bytes] of files) {
      const fd = openSync(join(this.dir, name), 'w', 0o600);
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      sizes[name] = bytes.byteLength;
    }
    return sizes;
  }
}

function concatBytes(parts: ArrayBufferView[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return out;
}
