/**
 * Story packs: the permanent home of what a batch write (a pulled page, an import batch, a multi-story
 * move) stored. One pack per batch in packs/, append-only and immutable once written (temp, fsync,
 * rename, fsync packs/): each story's next stored content (with its rev tree) and its revision record,
 * and no per-story file or folder at all. Creating a file-system entry per story was the floor of a
 * pull (BENCHMARKS.md, "Story packs"); one pack per page is a few hundred bytes of metadata per story.
 *
 * Format: a first line `{"format":1,"listBytes":n,"listSha1":…}`, then the entry list (one JSON line of
 * `n` bytes), then every entry's bytes back to back. Each entry carries its own sha1, so one damaged
 * entry costs one story, not the pack. A pack is only ever seen under its name once it is whole and
 * durable; a temp file (a crash while writing) is removed at open, a pack whose list does not check out
 * is moved to quarantine whole (it cannot be trusted to say where anything is).
 *
 * Which version of a story is current: its own file `articles/<id>.json` when there is one, else its
 * newest pack entry (packs are numbered in write order). A pack that supersedes an own file records that
 * file's stamp (inode, mtime, size) and the file is removed after the pack is durable; a file still
 * carrying that stamp is the older version left by a crash between the two (or a removal that failed):
 * no reader takes it over the pack, and the next open removes it, while a file saved after the pack has
 * another stamp (a new inode: it is renamed into place) and wins.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir, isTempFile, writeFileAtomic } from '../atomicFile';
import { forEachLimit } from '../forEachLimit';
import { CorruptFileError } from '../jsonFileAdapter';

/** An own file as a pack saw it when the pack superseded it. */
export interface FileStamp {
  ino: number;
  mtimeMs: number;
  size: number;
}

/** One story as a batch writes it into a pack. */
export interface PackInput {
  id: string;
  revision: number;
  deleted: boolean;
  /** The stored story, JSON. */
  data: Buffer;
  /** The revision record's metadata (RevisionStore's meta line), kept in the list. */
  meta: unknown;
  /** The own file this entry supersedes, if the story had one. */
  replaced?: FileStamp;
}

/** Where a story's version lives in a pack. */
export interface PackRef {
  seq: number;
  file: string;
  offset: number;
  length: number;
  sha1: string;
  id: string;
  revision: number;
  deleted: boolean;
  meta: unknown;
  replaced?: FileStamp;
}

interface ListedEntry {
  id: string;
  revision: number;
  deleted: boolean;
  bytes: number;
  sha1: string;
  meta: unknown;
  replaced?: FileStamp;
}

/** A pack entry that fails its checksum: the story it holds is quarantined, the others are fine. */
export class CorruptPackEntryError extends CorruptFileError {
  constructor(readonly ref: PackRef) {
    super(ref.file, `稿件包中的条目已损坏（${ref.id}）`);
    this.name = 'CorruptPackEntryError';
  }
}

const FORMAT = 1;
const SUFFIX = '.pack';
const BAD_FILE = 'bad-entries.jsonl';
/** Pack descriptors kept open for reads. */
const FD_CACHE = 16;

function sha1(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

function stampEqual(a: FileStamp, b: FileStamp): boolean {
  return a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/**
 * Whether a story's own file (as stat'ed now) is the one its newest pack entry superseded: left behind
 * by a crash, or by a removal that failed. Such a file never wins over the pack.
 */
export function supersededBy(ref: PackRef | null, st: { ino: number; mtimeMs: number; size: number }): boolean {
  return !!ref?.replaced && stampEqual(stampOfStat(st), ref.replaced);
}

export function stampOfStat(st: { ino: number; mtimeMs: number; size: number }): FileStamp {
  return { ino: st.ino, mtimeMs: st.mtimeMs, size: st.size };
}

export class StoryPacks {
  readonly dir: string;
  private seq = 0;
  /** Each story's newest pack entry. */
  private readonly newest = new Map<string, PackRef>();
  /** Every pack entry of a story, oldest first (its history from packs). */
  private readonly history = new Map<string, PackRef[]>();
  /** `seq:id` of entries found damaged (and quarantined): such a story has no pack version. */
  private readonly bad = new Set<string>();

  constructor(
    dataDir: string,
    private readonly articlesDir: string,
  ) {
    this.dir = join(dataDir, 'packs');
  }

  /**
   * Reads every pack's entry list (not the stories) and, for the owner, removes temp files of packs
   * never renamed and own files a pack superseded before a crash. Packs whose list is damaged are
   * returned for quarantine. Runs before the index is read.
   */
  async load(opts: { readOnly: boolean }): Promise<{ damaged: { file: string; reason: string }[] }> {
    this.newest.clear();
    this.history.clear();
    this.bad.clear();
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return { damaged: [] };
    }
    if (!opts.readOnly) await Promise.all(names.filter(isTempFile).map((n) => rm(join(this.dir, n), { force: true })));
    try {
      for (const line of (await readFile(join(this.dir, BAD_FILE), 'utf8')).split('\n')) if (line) this.bad.add(line);
    } catch {
      // No damaged entry found yet.
    }
    const damaged: { file: string; reason: string }[] = [];
    const packs = names
      .filter((n) => n.endsWith(SUFFIX))
      .map((name) => ({ file: join(this.dir, name), seq: Number(name.slice(0, -SUFFIX.length)) }))
      .filter((p) => Number.isSafeInteger(p.seq))
      .sort((a, b) => a.seq - b.seq);
    // The lists are read many at a time (a 60,000-story import leaves ~950 packs: read one after another,
    // the open waited on each file's open, read and close in turn), then taken in by seq: newer wins.
    const lists: ({ refs: PackRef[] } | { error: string })[] = [];
    await forEachLimit([...packs.keys()], LIST_READS_AT_ONCE, async (k) => {
      const p = packs[k]!;
      lists[k] = await readList(p.file, p.seq).then(
        (refs) => ({ refs }),
        (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
      );
    });
    packs.forEach((p, k) => {
      this.seq = Math.max(this.seq, p.seq);
      const got = lists[k]!;
      if ('refs' in got) this.adopt(got.refs);
      else damaged.push({ file: p.file, reason: got.error });
    });
    if (!opts.readOnly) {
      for (const ref of this.newest.values()) {
        if (!ref.replaced) continue;
        const own = join(this.articlesDir, `${ref.id}.json`);
        const st = statSync(own, { throwIfNoEntry: false });
        if (!st?.isFile() || !stampEqual(stampOfStat(st), ref.replaced)) continue;
        // Failing here leaves the older file winning until an open that can remove it: logged, not fatal.
        await rm(own, { force: true }).catch((e: unknown) =>
          console.error(`[newsdesk] removing ${own}, superseded by a story pack:`, e),
        );
      }
    }
    return { damaged };
  }

  /**
   * Takes in packs written since `load` by the store's owner (for a process that only reads: its view
   * of a story the owner has since written in a batch). Packs already known are not read again.
   */
  async refresh(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const known = this.seq;
    for (const name of names.filter((n) => n.endsWith(SUFFIX)).sort()) {
      const seq = Number(name.slice(0, -SUFFIX.length));
      if (!Number.isSafeInteger(seq) || seq <= known) continue;
      try {
        this.adopt(await readList(join(this.dir, name), seq));
        this.seq = Math.max(this.seq, seq);
      } catch {
        // Damaged: the owner quarantines it at its next open.
      }
    }
  }

  /** Writes one pack durably; resolves with its entries once it is in place (then they are current). */
  async write(inputs: readonly PackInput[]): Promise<PackRef[]> {
    if (this.seq === 0) await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const seq = ++this.seq;
    const list: ListedEntry[] = inputs.map((i) => ({
      id: i.id,
      revision: i.revision,
      deleted: i.deleted,
      bytes: i.data.length,
      sha1: sha1(i.data),
      meta: i.meta,
      ...(i.replaced ? { replaced: i.replaced } : {}),
    }));
    const listLine = Buffer.from(`${JSON.stringify(list)}\n`);
    const head = Buffer.from(
      `${JSON.stringify({ format: FORMAT, listBytes: listLine.length, listSha1: sha1(listLine) })}\n`,
    );
    const file = join(this.dir, `${String(seq).padStart(12, '0')}${SUFFIX}`);
    await writeFileAtomic(file, Buffer.concat([head, listLine, ...inputs.map((i) => i.data)]));
    const refs = refsOf(list, file, seq, head.length + listLine.length);
    this.adopt(refs);
    return refs;
  }

  private adopt(refs: readonly PackRef[]): void {
    for (const ref of refs) {
      this.newest.set(ref.id, ref);
      const h = this.history.get(ref.id);
      if (h) h.push(ref);
      else this.history.set(ref.id, [ref]);
    }
  }

  /** The story's newest pack entry, or null (none, or it was found damaged). */
  current(id: string): PackRef | null {
    const ref = this.newest.get(id);
    return ref && !this.bad.has(`${ref.seq}:${id}`) ? ref : null;
  }

  /** The story's readable pack entries, oldest first. */
  entriesOf(id: string): readonly PackRef[] {
    return (this.history.get(id) ?? []).filter((r) => !this.bad.has(`${r.seq}:${id}`));
  }

  /** Every story with a readable newest pack entry. */
  *currentRefs(): IterableIterator<PackRef> {
    for (const ref of this.newest.values()) if (!this.bad.has(`${ref.seq}:${ref.id}`)) yield ref;
  }

  /**
   * The entry's bytes, checked against its sha1. Read on this thread through a cached descriptor: an
   * entry is a few kilobytes, and a pull's or an import's search catch-up reads thousands from a few
   * packs, where an open and a close each cost more than the read.
   */
  async read(ref: PackRef): Promise<Buffer> {
    return this.readSync(ref);
  }

  /** As `read`, on this thread (a row about to be shown). */
  readSync(ref: PackRef): Buffer {
    const buf = Buffer.allocUnsafe(ref.length);
    if (readSync(this.fdOf(ref.file), buf, 0, ref.length, ref.offset) !== ref.length || sha1(buf) !== ref.sha1)
      throw new CorruptPackEntryError(ref);
    return buf;
  }

  private readonly fds = new Map<string, number>();

  /** A descriptor for a pack, kept for the next read (packs never change); the oldest closed past FD_CACHE. */
  private fdOf(file: string): number {
    const cached = this.fds.get(file);
    if (cached !== undefined) return cached;
    const fd = openSync(file, 'r');
    this.fds.set(file, fd);
    if (this.fds.size > FD_CACHE) {
      const [oldest, oldFd] = this.fds.entries().next().value!;
      this.fds.delete(oldest);
      closeSync(oldFd);
    }
    return fd;
  }

  /** Closes the cached descriptors (the store is closing). */
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  /**
   * Marks a damaged entry (its bytes already copied to quarantine) durably, so the next open neither
   * offers that version nor quarantines it again. The story then has no pack version: an older entry is
   * not brought back in its place, as a damaged story file was never replaced by an older one.
   */
  async markBad(ref: PackRef): Promise<void> {
    const key = `${ref.seq}:${ref.id}`;
    if (this.bad.has(key)) return;
    this.bad.add(key);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const fh = await open(join(this.dir, BAD_FILE), 'a', 0o600);
    try {
      await fh.writeFile(`${key}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsyncDir(this.dir);
  }

  /** Marks in memory only (a process that may not write the store). */
  markBadInMemory(ref: PackRef): void {
    this.bad.add(`${ref.seq}:${ref.id}`);
  }

  /** How many packs and entries are held (for the bench and tests). */
  get stats(): { packs: number; stories: number } {
    return { packs: this.seq, stories: this.newest.size };
  }
}

function refsOf(list: readonly ListedEntry[], file: string, seq: number, start: number): PackRef[] {
  let at = start;
  return list.map((e) => {
    const ref: PackRef = {
      seq,
      file,
      offset: at,
      length: e.bytes,
      sha1: e.sha1,
      id: e.id,
      revision: e.revision,
      deleted: e.deleted,
      meta: e.meta,
      ...(e.replaced ? { replaced: e.replaced } : {}),
    };
    at += e.bytes;
    return ref;
  });
}

/** Pack lists read at once while a store opens. */
const LIST_READS_AT_ONCE = 32;
/** The first read of a pack: its header and, for a batch of up to a few hundred stories, its whole list. */
const FIRST_READ_BYTES = 64 * 1024;

/** Reads and checks a pack's entry list only (the stories stay on disk until read). */
async function readList(file: string, seq: number): Promise<PackRef[]> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const first = Buffer.allocUnsafe(Math.min(FIRST_READ_BYTES, size));
    await fh.read(first, 0, first.length, 0);
    const nl = first.indexOf(10);
    if (nl < 0 || nl > 512) throw new Error('没有文件头');
    let head: { format?: unknown; listBytes?: unknown; listSha1?: unknown };
    try {
      head = JSON.parse(first.subarray(0, nl).toString('utf8')) as typeof head;
    } catch {
      throw new Error('文件头无法解析');
    }
    if (head.format !== FORMAT) throw new Error(`未知格式 ${String(head.format)}`);
    if (typeof head.listBytes !== 'number' || nl + 1 + head.listBytes > size) throw new Error('清单不完整');
    let listBuf: Buffer;
    if (nl + 1 + head.listBytes <= first.length) listBuf = first.subarray(nl + 1, nl + 1 + head.listBytes);
    else {
      listBuf = Buffer.allocUnsafe(head.listBytes);
      await fh.read(listBuf, 0, head.listBytes, nl + 1);
    }
    if (sha1(listBuf) !== head.listSha1) throw new Error('清单已损坏');
    const list = JSON.parse(listBuf.toString('utf8')) as ListedEntry[];
    const start = nl + 1 + head.listBytes;
    const total = list.reduce((n, e) => n + e.bytes, 0);
    // Entries past the end (a truncated pack) fail their own checksum when read: one story each.
    if (start + total > size) console.error(`[newsdesk] story pack ${file} is shorter than its list says`);
    return refsOf(list, file, seq, start);
  } finally {
    await fh.close();
  }
}
