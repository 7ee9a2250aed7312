/** A lowdb adapter that reads strictly and writes durably (see atomicFile.ts). */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomicFile';

/** Raised when a file exists but is not valid JSON of the expected shape. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'CorruptFileError';
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly parse: (raw: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new CorruptFileError(this.file, `not JSON: ${(e as Error).message}`);
    }
    try {
      return this.parse(raw);
    } catch (e) {
      throw new CorruptFileError(this.file, `unexpected shape: ${(e as Error).message.slice(0, 300)}`);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data));
  }
}
