/**
 * One marker file per process that has the store open. A store opened with no marker left
 * behind was closed cleanly by everyone, so its index can be trusted without a stat of
 * every article file; a marker left by a crash (or a process still running) means the
 * index may lag the files, and the full check runs.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from '../processAlive';

const PREFIX = 'open-';

export class SessionMarker {
  private readonly own: string;

  constructor(private readonly dir: string) {
    this.own = `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
  }

  /** Markers other processes (live or crashed) left; empty means every earlier session closed cleanly. */
  async others(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((n) => n.startsWith(PREFIX) && n !== this.own);
  }

  async acquire(): Promise<void> {
    await writeFile(join(this.dir, this.own), String(process.pid), { mode: 0o600 });
  }

  async release(): Promise<void> {
    await rm(join(this.dir, this.own), { force: true });
  }

  /** After a full check, markers of processes that no longer run have nothing left to say. */
  async clearDead(): Promise<void> {
    for (const name of await this.others()) {
      const pid = Number(name.slice(PREFIX.length).split('-')[0]);
      if (!Number.isInteger(pid) || !isAlive(pid)) await rm(join(this.dir, name), { force: true });
    }
  }
}
