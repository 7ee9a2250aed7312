/**
 * One day's paper per lowdb document in issues/, with the same revision check as articles. Each file
 * also carries its CouchDB rev tree (see sync/issueDoc.ts): plans sync with the hub as documents.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { NewsdeskError } from '../../shared/ipc/errors';
import { IssueIdSchema, IssueSchema, issueIdForDate, type Issue, type IssueContent } from '../../shared/model/issue';
import { issueOnly, StoredIssueSchema, type StoredIssue } from '../../shared/model/issueSyncFields';
import { localIssueEdit } from './sync/issueDoc';
import { toNewsdeskError } from './fsErrors';
import { CorruptFileError, DurableJsonFile } from './jsonFileAdapter';
import { KeyedMutex } from './keyedMutex';
import { Quarantine } from './quarantine';
import { resolveInside } from './safePath';

export class IssueStore {
  private readonly dir: string;
  private readonly mutex = new KeyedMutex();
  private readonly quarantine: Quarantine;
  private readonly listeners: ((issue: Issue) => void)[] = [];
  private readonly localChange: ((ids: string[]) => Promise<void>)[] = [];

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dir = join(dataDir, 'issues');
    this.quarantine = new Quarantine(join(dataDir, 'quarantine'));
  }

  /** Called after every successful write (the runtime turns it into an issue.saved event). */
  onWrite(listener: (issue: Issue) => void): void {
    this.listeners.push(listener);
  }

  /** Called before a local edit is written (the sync change log records it first, as for stories). */
  onLocalChange(record: (ids: string[]) => Promise<void>): void {
    this.localChange.push(record);
  }

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  private db(id: string): Low<StoredIssue> {
    if (!IssueIdSchema.safeParse(id).success) throw new NewsdeskError('validation', `不是有效的期次编号：${id}`);
    const file = resolveInside(this.dir, `${id}.json`);
    return new Low<StoredIssue>(new DurableJsonFile(file, (raw) => StoredIssueSchema.parse(raw)), null as never);
  }

  private async read(id: string): Promise<StoredIssue | null> {
    const db = this.db(id);
    try {
      await db.read();
    } catch (e) {
      if (e instanceof CorruptFileError) {
        const q = await this.quarantine.put(e.file, e.message, this.now());
        throw new NewsdeskError('corrupt', `版面文件已损坏，已移入隔离区（${q.file}）。`);
      }
      throw toNewsdeskError(e, '期次');
    }
    return db.data ?? null;
  }

  async get(id: string): Promise<Issue> {
    return issueOnly(await this.getStored(id));
  }

  /** The plan with its replication fields, for sync. */
  async getStored(id: string): Promise<StoredIssue> {
    const issue = await this.read(id);
    if (!issue) throw new NewsdeskError('not_found', `找不到期次 ${id}。`);
    return issue;
  }

  /** Whether a plan file exists, without reading it. */
  async has(id: string): Promise<boolean> {
    return (await this.ids()).includes(id);
  }

  async ids(): Promise<string[]> {
    return (await readdir(this.dir).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .filter((id) => IssueIdSchema.safeParse(id).success);
  }

  async list(): Promise<Issue[]> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.json'));
    const out: Issue[] = [];
    for (const name of names) {
      const id = name.slice(0, -5);
      if (!IssueIdSchema.safeParse(id).success) continue;
      try {
        const issue = await this.read(id);
        if (issue) out.push(issueOnly(issue));
      } catch (e) {
        // A corrupt issue was quarantined by read(); the others still list.
        if (!(e instanceof NewsdeskError && e.code === 'corrupt')) throw e;
      }
    }
    return out.sort((a, b) => (a.date < b.date ? 1 : -1));
  }

  create(content: IssueContent, actor: string): Promise<Issue> {
    const id = issueIdForDate(content.date);
    return this.mutex.run(id, async () => {
      if (await this.read(id)) throw new NewsdeskError('conflict', `${content.date} 的期次已存在。`);
      const issue = IssueSchema.parse({
        ...content,
        id,
        revision: 1,
        updatedAt: this.now().toISOString(),
        updatedBy: actor,
      });
      return this.writeLocal(null, issue);
    });
  }

  save(id: string, baseRevision: number, content: IssueContent, actor: string): Promise<Issue> {
    return this.mutex.run(id, async () => {
      const current = await this.getStored(id);
      if (current.revision !== baseRevision) {
        throw new NewsdeskError('conflict', `版面已被 ${current.updatedBy} 更新（第 ${current.revision} 版）。`, {
          currentRevision: current.revision,
          currentIssue: issueOnly(current),
        });
      }
      if (content.date !== current.date)
        throw new NewsdeskError('validation', '期次日期不能修改。', { path: 'content.date' });
      const next = IssueSchema.parse({
        ...content,
        id,
        revision: current.revision + 1,
        updatedAt: this.now().toISOString(),
        updatedBy: actor,
      });
      return this.writeLocal(current, next);
    });
  }

  /**
   * Rewrites one plan under its lock without the revision check: for revisions pulled from the hub
   * and for settling a conflict. `change` returns null to leave the file alone.
   */
  writeSynced(
    id: string,
    change: (current: StoredIssue | null) => { stored: StoredIssue; notify: boolean; local: boolean } | null,
  ): Promise<Issue | null> {
    return this.mutex.run(id, async () => {
      const planned = change(await this.read(id));
      if (!planned) return null;
      if (planned.local) for (const record of this.localChange) await record([id]);
      return this.write(planned.stored, planned.notify);
    });
  }

  private async writeLocal(current: StoredIssue | null, next: Issue): Promise<Issue> {
    for (const record of this.localChange) await record([next.id]);
    return this.write(localIssueEdit(current, next), true);
  }

  private async write(stored: StoredIssue, notify: boolean): Promise<Issue> {
    const db = this.db(stored.id);
    db.data = StoredIssueSchema.parse(stored);
    try {
      await db.write();
    } catch (e) {
      throw toNewsdeskError(e, '期次');
    }
    const issue = issueOnly(stored);
    if (notify) for (const listener of this.listeners) listener(issue);
    return issue;
  }
}
