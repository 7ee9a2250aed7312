/**
 * The CouchDB HTTP API the replicator speaks (replication protocol v3): `_changes`, `_revs_diff`,
 * `_bulk_get` (or `open_revs` GETs where a hub lacks it), `_bulk_docs` and `_local` checkpoints.
 * Credentials go in an Authorization header and never into a URL, an error or a log line.
 */
export interface HubAuth {
  user: string;
  password: string;
}

/** A refusal or failure from the hub, with CouchDB's own `error` and `reason`. */
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(`${status} ${error}: ${reason}`);
    this.name = 'HubError';
  }
}

/** The hub could not be reached at all: the desk is offline, not refused. */
export class HubUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`hub unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'HubUnreachableError';
  }
}

export interface ChangeRow {
  id: string;
  /** Opaque: a number from PouchDB, a string from CouchDB 2+; only ever passed back. */
  seq: unknown;
  changes: { rev: string }[];
  deleted?: boolean;
}

export interface HubDoc {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _deleted?: boolean;
  _attachments?: Record<string, HubAttachment>;
  [field: string]: unknown;
}

/** An attachment inline (`data`, base64) or as a stub naming what the hub already holds. */
export interface HubAttachment {
  content_type: string;
  data?: string;
  stub?: boolean;
  /** The revision position the attachment was last changed at: CouchDB matches a stub's against it. */
  revpos?: number;
  /** `md5-<base64>`: PouchDB finds a stub's bytes by it. */
  digest?: string;
  length?: number;
}

export interface BulkDocsError {
  id: string;
  rev?: string;
  error: string;
  reason: string;
}

/** Splits `http://user:pw@host:5984/newsroom` into the database URL and any credentials in it. */
/**
 * The database URL of a hub; a URL carrying `user:password@` is refused (it would sit in settings,
 * argv and logs): the user goes in its own field or NEWSDESK_HUB_USER, the password is typed.
 */
export function parseHubUrl(raw: string): { dbUrl: string } {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`hub URL must be http(s): ${raw}`);
  if (url.username || url.password) {
    throw new Error(
      '中心库地址不能包含用户名或密码（user:pw@）：用户名填在用户名栏或 NEWSDESK_HUB_USER，密码另行输入。',
    );
  }
  const dbUrl = url.toString().replace(/\/+$/, '');
  if (!/\/[^/]+$/.test(new URL(dbUrl).pathname)) throw new Error(`hub URL names no database: ${dbUrl}`);
  return { dbUrl };
}

/** The origin a hub password is bound to; null for a URL that does not parse. */
export function hubOrigin(raw: string): string | null {
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}

export class HubClient {
  private bulkGetMissing = false;

  constructor(
    readonly dbUrl: string,
    private readonly auth: HubAuth | null,
  ) {}

  /** The server root, for `_users`, `_session` and `_config`. */
  get serverUrl(): string {
    return this.dbUrl.replace(/\/[^/]+$/, '');
  }

  async request<T>(
    method: string,
    url: string,
    body?: unknown,
    opts: { signal?: AbortSignal; accept404?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.auth) {
      headers.authorization = `Basic ${Buffer.from(`${this.auth.user}:${this.auth.password}`).toString('base64')}`;
    }
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: opts.signal,
      });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      throw new HubUnreachableError(e);
    }
    const text = await res.text();
    if (res.status === 404 && opts.accept404) return null as T;
    if (!res.ok) {
      let error = 'http_error';
      let reason = text.slice(0, 300);
      try {
        const parsed = JSON.parse(text) as { error?: string; reason?: string };
        error = parsed.error ?? error;
        reason = parsed.reason ?? reason;
      } catch {
        // A proxy's HTML error page: keep its start as the reason.
      }
      throw new HubError(res.status, error, reason);
    }
    return (text ? JSON.parse(text) : null) as T;
  }

  db<T>(method: string, path: string, body?: unknown, opts?: { signal?: AbortSignal; accept404?: boolean }) {
    return this.request<T>(method, `${this.dbUrl}${path}`, body, opts);
  }

  info(): Promise<{ db_name: string; update_seq: unknown }> {
    return this.db('GET', '');
  }

  changes(
    since: unknown,
    opts: { limit: number; longpollMs?: number; signal?: AbortSignal },
  ): Promise<{ results: ChangeRow[]; last_seq: unknown }> {
    const q = new URLSearchParams({
      style: 'all_docs',
      since: typeof since === 'string' ? since : JSON.stringify(since),
    });
    q.set('limit', String(opts.limit));
    if (opts.longpollMs !== undefined) {
      q.set('feed', 'longpoll');
      q.set('timeout', String(opts.longpollMs));
    }
    return this.db('GET', `/_changes?${q}`, undefined, { signal: opts.signal });
  }

  revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>> {
    return this.db('POST', '/_revs_diff', revs);
  }

  /**
   * Fetches revisions with their ancestry. With `attachments` (the default) photos come inline,
   * except those unchanged since a revision named in a request's `atts_since` (the receiver has
   * them): CouchDB sends those as stubs. Without, every attachment is a stub (digest, revpos).
   */
  async bulkGet(
    wanted: { id: string; rev: string; atts_since?: string[] }[],
    opts: { attachments?: boolean } = {},
  ): Promise<HubDoc[]> {
    const attachments = opts.attachments ?? true;
    if (!this.bulkGetMissing) {
      try {
        const res = await this.db<{ results: { docs: ({ ok: HubDoc } | { error: unknown })[] }[] }>(
          'POST',
          `/_bulk_get?revs=true&attachments=${attachments}`,
          { docs: wanted },
        );
        return res.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d ? [d.ok] : [])));
      } catch (e) {
        // CouchDB 1.x and some proxies answer 404/405/400 here; the protocol falls back to open_revs.
        if (!(e instanceof HubError) || ![400, 404, 405, 501].includes(e.status)) throw e;
        this.bulkGetMissing = true;
      }
    }
    return this.openRevs(wanted, attachments);
  }

  async openRevs(wanted: { id: string; rev: string }[], attachments = true): Promise<HubDoc[]> {
    const byId = new Map<string, string[]>();
    for (const w of wanted) byId.set(w.id, [...(byId.get(w.id) ?? []), w.rev]);
    const out: HubDoc[] = [];
    for (const [id, revs] of byId) {
      const q = new URLSearchParams({
        open_revs: JSON.stringify(revs),
        revs: 'true',
        attachments: String(attachments),
      });
      const res = await this.db<({ ok: HubDoc } | { missing: string })[]>('GET', `/${encodeURIComponent(id)}?${q}`);
      for (const r of res) if ('ok' in r) out.push(r.ok);
    }
    return out;
  }

  /** Every leaf of one document with its ancestry (`open_revs=all`); empty if the hub has never seen it. */
  async allLeaves(id: string): Promise<HubDoc[]> {
    const q = new URLSearchParams({ open_revs: 'all', revs: 'true', attachments: 'true' });
    const res = await this.db<({ ok: HubDoc } | { missing: string })[] | null>(
      'GET',
      `/${encodeURIComponent(id)}?${q}`,
      undefined,
      { accept404: true },
    );
    return (res ?? []).flatMap((r) => ('ok' in r ? [r.ok] : []));
  }

  /** Writes revisions as they are (`new_edits: false`); returns the documents the hub refused. */
  async bulkDocs(docs: HubDoc[]): Promise<BulkDocsError[]> {
    const res = await this.db<({ error?: string; reason?: string; id: string; rev?: string } | null)[]>(
      'POST',
      '/_bulk_docs',
      { docs, new_edits: false },
    );
    return (res ?? []).flatMap((r) =>
      r && r.error ? [{ id: r.id, rev: r.rev, error: r.error, reason: r.reason ?? r.error }] : [],
    );
  }

  getLocal<T>(id: string): Promise<(T & { _rev?: string }) | null> {
    return this.db('GET', `/_local/${encodeURIComponent(id)}`, undefined, { accept404: true });
  }

  async putLocal(id: string, doc: object): Promise<void> {
    const existing = await this.getLocal<object>(id);
    await this.db('PUT', `/_local/${encodeURIComponent(id)}`, {
      ...doc,
      ...(existing?._rev ? { _rev: existing._rev } : {}),
    });
  }
}
