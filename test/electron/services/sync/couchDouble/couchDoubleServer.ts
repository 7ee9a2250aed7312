/**
 * The CouchDB double over HTTP on 127.0.0.1: the part of CouchDB 3's API that Newsdesk's
 * replicator, `hub init` and `hub add-user` use, with Basic auth against server admins and
 * `_users`, `GET /_session`, per-database `_security` and `POST /db/_compact`.
 * `open_revs` is served for looking inside (the replicator uses `_bulk_get`). Not served: Mango, views, cookies, `_config`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CouchDoubleDb, CouchError, type UserCtx } from './couchDoubleDb';

interface UserDoc {
  _id: string;
  _rev: string;
  name: string;
  password: string;
  roles: string[];
  type: 'user';
}

export class CouchDouble {
  readonly dbs = new Map<string, CouchDoubleDb>();
  private readonly users = new Map<string, UserDoc>();
  private server: Server | null = null;
  private readonly uuid = randomUUID().replace(/-/g, '');
  url = '';

  constructor(private readonly admin: { user: string; password: string }) {}

  db(name: string): CouchDoubleDb {
    const db = this.dbs.get(name);
    if (!db) throw new CouchError(404, 'not_found', 'Database does not exist.');
    return db;
  }

  /** Who a request's Basic credentials name; bad credentials are a 401, as in CouchDB. */
  private userCtx(req: IncomingMessage): UserCtx {
    const header = req.headers.authorization;
    if (!header?.startsWith('Basic ')) return { name: null, roles: [] };
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    if (user === this.admin.user && password === this.admin.password) return { name: user, roles: ['_admin'] };
    const doc = this.users.get(user);
    if (!doc || doc.password !== password) throw new CouchError(401, 'unauthorized', 'Name or password is incorrect.');
    return { name: user, roles: [...doc.roles] };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    try {
      const url = new URL(req.url ?? '/', 'http://double');
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
      const ctx = this.userCtx(req);
      const [status, answer] = await this.route(req.method ?? 'GET', url, body, ctx, abort.signal);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    } catch (e) {
      const err = e instanceof CouchError ? e : new CouchError(500, 'error', String(e));
      if (res.headersSent) return void res.end();
      res.writeHead(err.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err.error, reason: err.reason }));
    }
  }

  private isServerAdmin(ctx: UserCtx): boolean {
    return ctx.roles.includes('_admin');
  }

  private requireServerAdmin(ctx: UserCtx): void {
    if (this.isServerAdmin(ctx)) return;
    throw new CouchError(ctx.name ? 403 : 401, ctx.name ? 'forbidden' : 'unauthorized', 'You are not a server admin.');
  }

  private async route(
    method: string,
    url: URL,
    body: Record<string, unknown> | undefined,
    ctx: UserCtx,
    signal: AbortSignal,
  ): Promise<[number, unknown]> {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const q = url.searchParams;
    if (parts.length === 0) return [200, { couchdb: 'Welcome', version: '3.5.0-double', uuid: this.uuid }];
    if (parts[0] === '_session') return [200, { ok: true, userCtx: ctx, info: { authenticated: 'default' } }];
    if (parts[0] === '_users') return this.routeUsers(method, parts, body, ctx);
    const dbName = parts[0]!;
    if (parts.length === 1) {
      if (method === 'PUT') {
        this.requireServerAdmin(ctx);
        if (this.dbs.has(dbName))
          throw new CouchError(412, 'file_exists', 'The database could not be created, the file already exists.');
        this.dbs.set(dbName, new CouchDoubleDb(dbName));
        return [201, { ok: true }];
      }
      if (method === 'DELETE') {
        this.requireServerAdmin(ctx);
        this.db(dbName);
        this.dbs.delete(dbName);
        return [200, { ok: true }];
      }
      const db = this.db(dbName);
      db.checkReader(ctx);
      return [200, db.info()];
    }
    const db = this.db(dbName);
    const rest = parts.slice(1);
    const head = rest[0]!;
    if (head === '_security') {
      if (method === 'GET') {
        db.checkReader(ctx);
        return [200, db.security];
      }
      db.checkAdmin(ctx);
      db.security = body as unknown as CouchDoubleDb['security'];
      return [200, { ok: true }];
    }
    if (head === '_compact') {
      db.checkAdmin(ctx);
      db.compact();
      return [202, { ok: true }];
    }
    if (head === '_revs_diff') return [200, db.revsDiff(ctx, body as Record<string, string[]>)];
    if (head === '_changes') return [200, await this.changes(db, ctx, q, signal)];
    if (head === '_bulk_get') {
      const docs = (body?.docs ?? []) as { id: string; rev?: string; atts_since?: string[] }[];
      const results = docs.map((d) => {
        try {
          return {
            id: d.id,
            docs: [
              {
                ok: db.getRev(ctx, d.id, d.rev ?? null, {
                  revs: q.get('revs') === 'true',
                  attachments: q.get('attachments') === 'true',
                  attsSince: d.atts_since,
                }),
              },
            ],
          };
        } catch (e) {
          if (!(e instanceof CouchError) || e.status !== 404) throw e;
          return { id: d.id, docs: [{ error: { id: d.id, rev: d.rev, error: e.error, reason: e.reason } }] };
        }
      });
      return [200, { results }];
    }
    if (head === '_bulk_docs') {
      const docs = (body?.docs ?? []) as Record<string, unknown>[];
      if (body?.new_edits === false) return [201, db.replicate(ctx, docs)];
      return [201, docs.map((d) => db.write(ctx, d))];
    }
    if (head === '_local') {
      const id = rest.slice(1).join('/');
      if (method === 'GET') {
        const doc = db.getLocal(ctx, id);
        if (!doc) throw new CouchError(404, 'not_found', 'missing');
        return [200, doc];
      }
      const rev = db.putLocal(ctx, id, body ?? {});
      return [201, { ok: true, id: `_local/${id}`, rev }];
    }
    const id = head === '_design' ? `_design/${rest[1]}` : head;
    if (method === 'GET' && q.has('open_revs')) {
      const wanted = q.get('open_revs');
      const revs = wanted === 'all' ? db.leaves(id).map((l) => l.rev) : (JSON.parse(wanted!) as string[]);
      // CouchDB answers `open_revs=all` of a document it never had with a 404, not an empty list.
      if (wanted === 'all' && revs.length === 0) throw new CouchError(404, 'not_found', 'missing');
      return [
        200,
        revs.map((rev) => {
          try {
            return {
              ok: db.getRev(ctx, id, rev, {
                revs: q.get('revs') === 'true',
                attachments: q.get('attachments') === 'true',
              }),
            };
          } catch (e) {
            if (e instanceof CouchError && e.status === 404) return { missing: rev };
            throw e;
          }
        }),
      ];
    }
    if (method === 'GET') {
      return [
        200,
        db.getRev(ctx, id, q.get('rev'), {
          revs: q.get('revs') === 'true',
          attachments: q.get('attachments') === 'true',
          conflicts: q.get('conflicts') === 'true',
        }),
      ];
    }
    if (method === 'PUT' || method === 'DELETE') {
      const doc: Record<string, unknown> =
        method === 'DELETE' ? { _id: id, _rev: q.get('rev'), _deleted: true } : { ...body, _id: id };
      if (q.get('new_edits') === 'false') {
        const [err] = db.replicate(ctx, [doc]);
        if (err) throw new CouchError(err.error === 'forbidden' ? 403 : 401, err.error!, err.reason!);
        return [201, { ok: true, id, rev: doc._rev }];
      }
      const r = db.write(ctx, doc);
      if (r.error) {
        const status =
          r.error === 'conflict' ? 409 : r.error === 'forbidden' ? 403 : r.error === 'unauthorized' ? 401 : 500;
        throw new CouchError(status, r.error, r.reason ?? r.error);
      }
      return [201, r];
    }
    throw new CouchError(405, 'method_not_allowed', `${method} ${url.pathname}`);
  }

  private async changes(db: CouchDoubleDb, ctx: UserCtx, q: URLSearchParams, signal: AbortSignal) {
    const since = q.get('since') ?? '0';
    const limit = q.has('limit') ? Number(q.get('limit')) : Number.MAX_SAFE_INTEGER;
    let page = db.changesSince(ctx, since === 'now' ? db.seqString() : since, limit);
    if (page.results.length === 0 && q.get('feed') === 'longpoll') {
      await db.waitForChange(Number(q.get('timeout') ?? 60_000), signal);
      page = db.changesSince(ctx, since === 'now' ? db.seqString() : since, limit);
    }
    return { results: page.results, last_seq: page.last_seq, pending: page.pending };
  }

  private routeUsers(
    method: string,
    parts: string[],
    body: Record<string, unknown> | undefined,
    ctx: UserCtx,
  ): [number, unknown] {
    const docId = parts[1] ?? '';
    const name = docId.replace(/^org\.couchdb\.user:/, '');
    if (method === 'GET') {
      if (!this.isServerAdmin(ctx) && ctx.name !== name) throw new CouchError(404, 'not_found', 'missing');
      const doc = this.users.get(name);
      if (!doc) throw new CouchError(404, 'not_found', 'missing');
      const { password: _hidden, ...shown } = doc;
      return [200, shown];
    }
    if (method === 'PUT') {
      // Roles are set only by a server admin, as in CouchDB's _users validation.
      this.requireServerAdmin(ctx);
      const existing = this.users.get(name);
      if (existing && body?._rev !== existing._rev) throw new CouchError(409, 'conflict', 'Document update conflict.');
      const rev = `${(existing ? Number(existing._rev.split('-')[0]) : 0) + 1}-user`;
      this.users.set(name, {
        _id: docId,
        _rev: rev,
        name,
        password: String(body?.password ?? existing?.password ?? ''),
        roles: (body?.roles as string[] | undefined) ?? [],
        type: 'user',
      });
      return [201, { ok: true, id: docId, rev }];
    }
    if (method === 'DELETE') {
      this.requireServerAdmin(ctx);
      if (!this.users.delete(name)) throw new CouchError(404, 'not_found', 'missing');
      return [200, { ok: true, id: docId }];
    }
    throw new CouchError(405, 'method_not_allowed', method);
  }
}
