/**
 * The batch journal of the version before story packs (storyPacks.ts): a batch of stories was made
 * durable by ONE file in journal/ holding every file write of the batch, after which the files were
 * written behind it. A journal such a version left on disk (a crash before it was retired) is replayed
 * at open, each write made atomically and durably, before the index is read; one that does not check
 * out (torn, damaged) is discarded: its batch was never acknowledged. `write` stays as the definition of
 * the format the replay reads (and for tests that plant one).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fsyncDir, isTempFile, writeFileAtomic } from '../atomicFile';
import { resolveInside } from '../safePath';

/**
 * One file write of a batch: a whole file replaced, or a line appended (`data` ends with a newline).
 * Paths are absolute inside the data folder. The bytes are encoded once, for the journal and the file.
 */
export interface FileOp {
  op: 'replace' | 'append';
  path: string;
  data: Buffer;
}

/** A whole file's content as a write of a batch. */
export function replaceOp(path: string, text: string): FileOp {
  return { op: 'replace', path, data: Buffer.from(text) };
}

/** One line appended to a file as a write of a batch. */
export function appendOp(path: string, line: string): FileOp {
  return { op: 'append', path, data: Buffer.from(line.endsWith('\n') ? line : `${line}\n`) };
}

/** A journal written, with the stories it covers. */
export interface JournalEntry {
  file: string;
  ids: ReadonlySet<string>;
  ops: readonly FileOp[];
  bytes: number;
}

const FORMAT = 1;
const SUFFIX = '.batch';

/** A write as the journal's header lists it; its bytes follow the header, in order. */
interface StoredOp {
  op: 'replace' | 'append';
  /** Relative to the data folder. */
  path: string;
  bytes: number;
}

/** Thrown for a journal file that does not check out. */
export class DamagedJournalError extends Error {}

export class BatchJournal {
  readonly dir: string;
  private seq = 0;

  constructor(readonly dataDir: string) {
    this.dir = join(dataDir, 'journal');
  }

  /** Writes the journal of a batch durably; the batch's files may be written behind it once this resolves. */
  async write(ops: readonly FileOp[], ids: ReadonlySet<string>): Promise<JournalEntry> {
    if (this.seq === 0) await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const seq = ++this.seq;
    // One line of JSON naming each write and its length, then the bytes of every write back to back:
    // no second JSON encoding of a story's JSON, and a checksum over all of it.
    const list: StoredOp[] = ops.map((o) => ({ op: o.op, path: relative(this.dataDir, o.path), bytes: o.data.length }));
    const listLine = Buffer.from(`${JSON.stringify(list)}\n`);
    const sum = createHash('sha1').update(listLine);
    for (const o of ops) sum.update(o.data);
    const bytes = listLine.length + ops.reduce((n, o) => n + o.data.length, 0);
    const header = Buffer.from(`${JSON.stringify({ format: FORMAT, bytes, sha1: sum.digest('hex') })}\n`);
    const file = join(this.dir, `${String(seq).padStart(12, '0')}-${process.pid}${SUFFIX}`);
    await writeFileAtomic(file, Buffer.concat([header, listLine, ...ops.map((o) => o.data)]));
    return { file, ids, ops, bytes };
  }

  /**
   * At open (owner only, before the index is read): replays every journal left on disk in order and
   * deletes it; temp files of journals never renamed are removed, a damaged journal is discarded.
   * Returns the journals replayed and discarded.
   */
  async replay(): Promise<{ replayed: number; discarded: string[] }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return { replayed: 0, discarded: [] };
    }
    await Promise.all(names.filter(isTempFile).map((n) => rm(join(this.dir, n), { force: true })));
    const journals = names.filter((n) => n.endsWith(SUFFIX)).sort();
    const discarded: string[] = [];
    let replayed = 0;
    for (const name of journals) {
      const file = join(this.dir, name);
      let ops: FileOp[];
      try {
        ops = this.parse(await readFile(file));
      } catch (e) {
        if (!(e instanceof DamagedJournalError)) throw e;
        discarded.push(`${name}: ${e.message}`);
        await rm(file, { force: true });
        continue;
      }
      await applyDurably(ops);
      await rm(file, { force: true });
      replayed++;
    }
    if (journals.length > 0) await fsyncDir(this.dir);
    return { replayed, discarded };
  }

  /** The writes a journal holds, or DamagedJournalError when it is torn or altered. */
  parse(raw: Buffer): FileOp[] {
    const nl = raw.indexOf(10);
    if (nl < 0) throw new DamagedJournalError('没有文件头');
    let header: { format?: unknown; bytes?: unknown; sha1?: unknown };
    try {
      header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as typeof header;
    } catch {
      throw new DamagedJournalError('文件头无法解析');
    }
    const body = raw.subarray(nl + 1);
    if (header.format !== FORMAT) throw new DamagedJournalError(`未知格式 ${String(header.format)}`);
    if (header.bytes !== body.length || header.sha1 !== createHash('sha1').update(body).digest('hex'))
      throw new DamagedJournalError('内容不完整或已损坏');
    const listEnd = body.indexOf(10);
    let stored: StoredOp[];
    try {
      stored = JSON.parse(body.subarray(0, listEnd).toString('utf8')) as StoredOp[];
    } catch {
      throw new DamagedJournalError('写入清单无法解析');
    }
    let at = listEnd + 1;
    const ops = stored.map((o): FileOp => {
      if ((o.op !== 'replace' && o.op !== 'append') || typeof o.path !== 'string' || !Number.isInteger(o.bytes))
        throw new DamagedJournalError('写入项不合格式');
      const data = body.subarray(at, at + o.bytes);
      at += o.bytes;
      // A journal never names a path outside the data folder, whatever its bytes say.
      return { op: o.op, path: resolveInside(this.dataDir, o.path), data };
    });
    if (at !== body.length) throw new DamagedJournalError('写入长度与内容不符');
    return ops;
  }
}

/** Each write made as a single save makes it: replaced files atomically and fsynced, lines appended and fsynced. */
async function applyDurably(ops: readonly FileOp[]): Promise<void> {
  for (const o of ops) {
    await mkdir(dirname(o.path), { recursive: true, mode: 0o700 });
    if (o.op === 'replace') await writeFileAtomic(o.path, o.data);
    else await appendDurably(o.path, o.data);
  }
}

async function appendDurably(path: string, data: Buffer): Promise<void> {
  const fh = await open(path, 'a', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}
