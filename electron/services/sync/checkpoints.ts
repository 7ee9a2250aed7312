/**
 * Replication checkpoints, kept as the protocol asks on both peers: a local file and the hub's
 * `_local/<replication id>` document, each with a short history of sessions. A replication resumes
 * from the newest session both sides recorded, so a crash between the two writes costs a little
 * re-reading, never a skipped change. Sequence ids are opaque values and are stored as received.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomicFile';
import type { HubClient } from './hubClient';

interface Session {
  session_id: string;
  last_seq: unknown;
}
interface CheckpointDoc {
  replication_id_version: 3;
  session_id: string;
  last_seq: unknown;
  history: Session[];
}

const HISTORY = 20;

/** The store's own id, made once, so two desks replicating with one hub never share checkpoints. */
export async function storeUuid(syncDir: string): Promise<string> {
  const file = join(syncDir, 'store-id');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(syncDir, { recursive: true, mode: 0o700 });
    const id = randomUUID();
    await writeFileAtomic(file, id);
    return id;
  }
}

export function replicationId(storeId: string, dbUrl: string, direction: 'push' | 'pull'): string {
  return createHash('md5').update(`${storeId}\n${dbUrl}\n${direction}`).digest('hex');
}

export class Checkpointer {
  private readonly session = randomUUID();
  private readonly file: string;

  constructor(
    syncDir: string,
    readonly repId: string,
    private readonly hub: HubClient,
  ) {
    this.file = join(syncDir, 'checkpoints', `${repId}.json`);
  }

  private async readLocal(): Promise<CheckpointDoc | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as CheckpointDoc;
    } catch {
      return null;
    }
  }

  /** Where to resume: the newest session both peers recorded, or the beginning. */
  async since<T>(start: T): Promise<T> {
    const [local, remote] = await Promise.all([this.readLocal(), this.hub.getLocal<CheckpointDoc>(this.repId)]);
    if (!local || !remote) return start;
    const remoteSessions = new Set((remote.history ?? []).map((h) => h.session_id));
    for (const h of local.history ?? []) {
      if (remoteSessions.has(h.session_id)) return h.last_seq as T;
    }
    return start;
  }

  /** What this desk last recorded, without asking the hub: for status lines, never for resuming. */
  async localSince<T>(start: T): Promise<T> {
    const local = await this.readLocal();
    return local ? (local.last_seq as T) : start;
  }

  /** Records progress on the hub first, then locally; call only once the changes are durable. */
  async save(lastSeq: unknown): Promise<void> {
    const previous = await this.readLocal();
    const history = [
      { session_id: this.session, last_seq: lastSeq },
      ...(previous?.history ?? []).filter((h) => h.session_id !== this.session),
    ].slice(0, HISTORY);
    const doc: CheckpointDoc = { replication_id_version: 3, session_id: this.session, last_seq: lastSeq, history };
    await this.hub.putLocal(this.repId, doc);
    await mkdir(join(this.file, '..'), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, JSON.stringify(doc));
  }
}
