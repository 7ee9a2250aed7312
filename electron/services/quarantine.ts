/** Moves unreadable store files aside, with the reason, so the rest of the store still opens. */
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { QuarantinedFileSchema, type QuarantinedFile } from '../../shared/model/quarantinedFile';
import { writeFileAtomic } from './atomicFile';

export class Quarantine {
  constructor(private readonly dir: string) {}

  /** Moves `path` into the quarantine folder and records why; returns the record. */
  async put(path: string, reason: string, now: Date = new Date()): Promise<QuarantinedFile> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const target = `${stamp}-${basename(path)}`;
    await rename(path, join(this.dir, target));
    const record: QuarantinedFile = { file: target, reason, at: now.toISOString() };
    await writeFileAtomic(join(this.dir, `${target}.why.json`), JSON.stringify(record));
    return record;
  }

  /**
   * Keeps a copy of bytes that cannot be moved on their own (a damaged entry of a story pack, which
   * holds other stories too) under `name`, and records why.
   */
  async putCopy(name: string, data: Uint8Array, reason: string, now: Date = new Date()): Promise<QuarantinedFile> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const target = `${stamp}-${basename(name)}`;
    await writeFileAtomic(join(this.dir, target), data);
    const record: QuarantinedFile = { file: target, reason, at: now.toISOString() };
    await writeFileAtomic(join(this.dir, `${target}.why.json`), JSON.stringify(record));
    return record;
  }

  async list(): Promise<QuarantinedFile[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: QuarantinedFile[] = [];
    for (const name of names.filter((n) => n.endsWith('.why.json')).sort()) {
      try {
        out.push(QuarantinedFileSchema.parse(JSON.parse(await readFile(join(this.dir, name), 'utf8'))));
      } catch {
        out.push({ file: name.replace(/\.why\.json$/, ''), reason: 'unknown', at: '' });
      }
    }
    return out;
  }
}
