/**
 * One CouchDB 3 database as a test double, kept to CouchDB's storage and validation semantics
 * (couch_db.erl), which pouchdb-server does not follow:
 *
 * - a `new_edits: false` revision is validated only if it is a new leaf; `oldDoc` is the body of
 *   the nearest ancestor on its path whose body is still stored, or null (pouchdb-validation
 *   passes the current winner instead);
 * - a validated `new_edits: false` revision is stored with its whole path (pouchdb-validation
 *   drops such revisions of an existing document once a design document is installed);
 * - `compact()` drops every non-leaf body, leaf bodies (tombstones included) stay;
 * - stubs in a replicated revision are filled from that same nearest stored ancestor.
 *
 * The rev tree has pouchdb-merge's shape and readers (winner, leaves); it is merged as CouchDB
 * merges it (couchKeyTree.ts), which differs from pouchdb-merge on forests of stemmed branches.
 * A `_bulk_docs` batch is judged as CouchDB judges it: the revisions of one document are merged
 * together first, each new leaf validated against the nearest body stored before the batch.
 * Not modelled: sharding, stemming at `_revs_limit` (1000), `max_document_size`, purges.
 */
import { createHash } from 'node:crypto';
import { collectConflicts, collectLeaves, revExists, rootToLeaf, winningRev } from 'pouchdb-merge';
import type { RevNode, RevPath } from 'pouchdb-merge';
import { leafPaths, mergePath, multiMerge, stemAfterWrite, valuesByRev, type PendingOpts } from './couchKeyTree';
import { compileValidator, type SandboxVerdict } from './sandboxedValidator';
import { checkDbAdmin, checkReader, CouchError, isDbAdmin, type SecurityObject, type UserCtx } from './couchAccess';
import { asValidated, shownAttachments, storedAttachments, type Attachment } from './couchAttachments';

export { CouchError, type SecurityObject, type UserCtx };

type Body = Record<string, unknown>;
interface StoredDoc {
  tree: RevPath[];
  /** Bodies still on disk, by rev; a tombstone's body carries `_deleted`. */
  bodies: Map<string, Body>;
  seq: number;
}

export interface WriteResult {
  id: string;
  rev?: string;
  ok?: true;
  error?: string;
  reason?: string;
}

function splitRev(rev: string): { pos: number; hash: string } {
  const dash = rev.indexOf('-');
  return { pos: Number(rev.slice(0, dash)), hash: rev.slice(dash + 1) };
}

function newRevHash(parent: string | null, body: Body): string {
  return createHash('md5')
    .update(JSON.stringify([parent, body]))
    .digest('hex');
}

/** A `_revisions` history as a rev path: only its newest revision has a body here. */
function revPathOf(revisions: { start: number; ids: string[] }, deleted: boolean): RevPath {
  let node: RevNode = [
    revisions.ids[0]!,
    deleted ? { status: 'available', deleted: true } : { status: 'available' },
    [],
  ];
  for (let i = 1; i < revisions.ids.length; i++) node = [revisions.ids[i]!, { status: 'missing' }, [node]];
  return { pos: revisions.start - revisions.ids.length + 1, ids: node };
}

/** A thrown verdict as CouchDB reports it in a `_bulk_docs` row. */
function refusalOf(verdict: NonNullable<SandboxVerdict>): { error: string; reason: string } {
  if ('forbidden' in verdict) return { error: 'forbidden', reason: verdict.forbidden };
  if ('unauthorized' in verdict) return { error: 'unauthorized', reason: verdict.unauthorized };
  return { error: 'error', reason: verdict.error };
}

export class CouchDoubleDb {
  private readonly docs = new Map<string, StoredDoc>();
  private readonly locals = new Map<string, { rev: number; body: Body }>();
  private readonly validators = new Map<string, ReturnType<typeof compileValidator>>();
  private readonly waiters = new Set<() => void>();
  private updateSeq = 0;
  /** CouchDB 3 creates a database admin-only (`[couchdb] default_security = admin_only`). */
  security: SecurityObject = { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } };

  constructor(readonly name: string) {}

  /** CouchDB 3 sequences are opaque strings; clients only pass them back. */
  seqString(n = this.updateSeq): string {
    return `${n}-g1AAAAdouble`;
  }

  private parseSeq(since: unknown): number {
    if (since === undefined || since === null || since === '' || since === 0 || since === '0') return 0;
    const n = parseInt(String(since), 10);
    if (!Number.isFinite(n))
      throw new CouchError(400, 'bad_request', `Malformed sequence supplied in 'since' parameter.`);
    return n;
  }

  isAdmin(ctx: UserCtx): boolean {
    return isDbAdmin(this.security, ctx);
  }

  checkReader(ctx: UserCtx): void {
    checkReader(this.security, ctx);
  }

  checkAdmin(ctx: UserCtx): void {
    checkDbAdmin(this.security, ctx);
  }

  info(): Body {
    return { db_name: this.name, update_seq: this.seqString(), doc_count: this.liveCount() };
  }

  private liveCount(): number {
    let n = 0;
    for (const d of this.docs.values()) if (!this.winnerBody(d)._deleted) n++;
    return n;
  }

  private winner(d: StoredDoc): string {
    return winningRev({ rev_tree: d.tree });
  }

  private winnerBody(d: StoredDoc): Body {
    return d.bodies.get(this.winner(d)) ?? {};
  }

  private pathOf(d: StoredDoc, rev: string): { start: number; ids: string[] } | null {
    const { pos, hash } = splitRev(rev);
    for (const path of rootToLeaf(d.tree)) {
      const i = pos - path.pos;
      if (i >= 0 && i < path.ids.length && path.ids[i]!.id === hash) {
        return {
          start: pos,
          ids: path.ids
            .slice(0, i + 1)
            .map((n) => n.id)
            .reverse(),
        };
      }
    }
    return null;
  }

  /** The body of the nearest ancestor of `revisions[0]` still stored, walking `revisions` from its parent. */
  private nearestStored(
    d: StoredDoc | undefined,
    revisions: { start: number; ids: string[] },
  ): { rev: string; body: Body } | null {
    if (!d) return null;
    for (let i = 1; i < revisions.ids.length; i++) {
      const rev = `${revisions.start - i}-${revisions.ids[i]}`;
      const body = d.bodies.get(rev);
      if (body) return { rev, body };
    }
    return null;
  }

  private validate(ctx: UserCtx, newDoc: Body, oldDoc: Body | null): SandboxVerdict {
    for (const run of this.validators.values()) {
      const v = run(newDoc, oldDoc, { db: this.name, name: ctx.name, roles: ctx.roles }, this.security);
      if (v) return v;
    }
    return null;
  }

  private afterWrite(id: string): void {
    const d = this.docs.get(id)!;
    d.seq = ++this.updateSeq;
    if (id.startsWith('_design/')) this.installDesign(id, this.winnerBody(d));
    for (const w of [...this.waiters]) w();
  }

  private installDesign(id: string, body: Body): void {
    const source = body.validate_doc_update;
    if (body._deleted || typeof source !== 'string') this.validators.delete(id);
    else this.validators.set(id, compileValidator(source));
  }

  /**
   * Stubs filled from the stored ancestor. A stub it cannot fill fails the whole request with 412
   * `missing_stub`, as CouchDB 3.5 answers (where a batch spans shards, CouchDB may still have
   * stored the documents of other shards; the double, one shard, stores nothing of the request).
   */
  private withAttachments(body: Body, pos: number, disk: Body | null, replicated: boolean): Body {
    const stored = storedAttachments(body, pos, disk, replicated);
    if ('body' in stored) return stored.body;
    throw new CouchError(
      412,
      'missing_stub',
      `Invalid attachment stub in ${String(body._id)} for ${stored.missingStub}`,
    );
  }

  /**
   * `_bulk_docs` with `new_edits: false` (couch_db:prep_and_validate_replicated_updates): the
   * revisions sent for one document are merged into its tree together; each that is a leaf of the
   * result and was not one before is validated, `oldDoc` being the first body stored on its path
   * in that merged tree (before this batch), and stored; the others are a success that changes nothing.
   */
  replicate(ctx: UserCtx, incoming: Body[]): WriteResult[] {
    this.checkReader(ctx);
    const errors: WriteResult[] = [];
    const byId = new Map<string, Body[]>();
    for (const doc of incoming) {
      const id = String(doc._id);
      if (id.startsWith('_design/') && !this.isAdmin(ctx)) {
        errors.push({ id, rev: String(doc._rev), error: 'unauthorized', reason: 'You are not a db or server admin.' });
        continue;
      }
      byId.set(id, [...(byId.get(id) ?? []), doc]);
    }
    const writes: {
      id: string;
      existing: StoredDoc | undefined;
      accepted: { rev: string; revisions: { start: number; ids: string[] }; body: Body }[];
    }[] = [];
    for (const [id, docs] of byId) {
      const existing = this.docs.get(id);
      const sent = docs.map((doc) => {
        const { pos, hash } = splitRev(String(doc._rev));
        const revisions = (doc._revisions as { start: number; ids: string[] } | undefined) ?? {
          start: pos,
          ids: [hash],
        };
        // Judged before any is written: the new revision is no body on disk yet (couch_db's `#doc{}`).
        const path = revPathOf(revisions, doc._deleted === true);
        let leaf = path.ids;
        while (leaf[2].length > 0) leaf = leaf[2][0]!;
        leaf[1] = { ...leaf[1], pending: true } as PendingOpts;
        return { doc, rev: String(doc._rev), pos, revisions, path };
      });
      const oldLeaves = new Set(existing ? collectLeaves(existing.tree).map((l) => l.rev) : []);
      const merged = existing
        ? multiMerge(
            existing.tree,
            sent.map((x) => x.path),
          )
        : null;
      const newLeaves = new Map(merged ? leafPaths(merged).map((l) => [l.rev, l.path]) : []);
      const accepted: { rev: string; revisions: { start: number; ids: string[] }; body: Body }[] = [];
      for (const { doc, rev, pos, revisions } of sent) {
        let disk: { rev: string; body: Body; path: string[] } | null = null;
        if (merged) {
          const path = newLeaves.get(rev);
          if (!path || oldLeaves.has(rev)) continue;
          // make_first_doc_on_disk: the first node of this path, in this tree, whose body is stored.
          for (let i = 1; i < path.length && !disk; i++) {
            const body = path[i]!.stored ? existing!.bodies.get(path[i]!.rev) : undefined;
            if (body) disk = { rev: path[i]!.rev, body, path: path.slice(i).map((n) => n.rev) };
          }
        }
        const body: Body = {};
        for (const [k, v] of Object.entries(doc)) if (k !== '_rev' && k !== '_revisions') body[k] = v;
        const filled = { body: this.withAttachments(body, pos, disk?.body ?? null, true) };
        const oldDoc = disk
          ? asValidated(id, disk.rev, disk.body, {
              start: splitRev(disk.rev).pos,
              ids: disk.path.map((r) => splitRev(r).hash),
            })
          : null;
        const verdict = this.validate(ctx, asValidated(id, rev, filled.body, revisions), oldDoc);
        if (verdict) {
          errors.push({ id, rev, ...refusalOf(verdict) });
          continue;
        }
        if (doc._deleted === true) filled.body._deleted = true;
        accepted.push({ rev, revisions, body: filled.body });
      }
      if (accepted.length > 0) writes.push({ id, existing, accepted });
    }
    // Written only once every document of the request is judged: a missing stub fails it whole.
    for (const { id, existing, accepted } of writes) {
      // couch_db_updater: each revision merged in turn, then the tree stemmed (which joins overlapping branches).
      const d: StoredDoc = existing ?? { tree: [], bodies: new Map(), seq: 0 };
      let tree = d.tree;
      const values: { rev: string; body: Body; value: RevNode[1] }[] = [];
      for (const a of accepted) {
        const path = revPathOf(a.revisions, a.body._deleted === true);
        let leaf = path.ids;
        while (leaf[2].length > 0) leaf = leaf[2][0]!;
        values.push({ rev: a.rev, body: a.body, value: leaf[1] });
        tree = mergePath(tree, path).tree;
      }
      d.tree = stemAfterWrite(tree);
      // A revision sent twice keeps the body whose value the merge kept (couch_key_tree's value_pref,
      // and the order stem's repair merges paths in), which is not always the one sent first.
      const kept = valuesByRev(d.tree);
      for (const v of values) if (kept.get(v.rev)?.has(v.value)) d.bodies.set(v.rev, v.body);
      this.docs.set(id, d);
      this.afterWrite(id);
    }
    return errors;
  }

  /** An ordinary write (`PUT`, `_bulk_docs`): `_rev` must name a current leaf, else 409. */
  write(ctx: UserCtx, doc: Body): WriteResult {
    this.checkReader(ctx);
    const id = String(doc._id);
    if (id.startsWith('_design/') && !this.isAdmin(ctx)) {
      return { id, error: 'unauthorized', reason: 'You are not a db or server admin.' };
    }
    const existing = this.docs.get(id);
    const parent = typeof doc._rev === 'string' ? doc._rev : null;
    const leaf = existing ? collectLeaves(existing.tree).find((l) => (parent ? l.rev === parent : false)) : undefined;
    if (parent ? !leaf : existing && !this.winnerBody(existing)._deleted) {
      return { id, error: 'conflict', reason: 'Document update conflict.' };
    }
    // A write on a deleted document without `_rev` extends the deleted winner, as CouchDB does.
    const base = parent ?? (existing ? this.winner(existing) : null);
    const body: Body = {};
    for (const [k, v] of Object.entries(doc)) if (k !== '_rev' && k !== '_revisions') body[k] = v;
    const pos = base ? splitRev(base).pos + 1 : 1;
    const rev = `${pos}-${newRevHash(base, body)}`;
    const revisions = base
      ? { start: pos, ids: [splitRev(rev).hash, ...this.pathOf(existing!, base)!.ids] }
      : { start: 1, ids: [splitRev(rev).hash] };
    const disk = base && existing ? { rev: base, body: existing.bodies.get(base)! } : null;
    const stored = this.withAttachments(body, pos, disk?.body ?? null, false);
    const oldDoc = disk ? asValidated(id, disk.rev, disk.body, this.pathOf(existing!, disk.rev)!) : null;
    const verdict = this.validate(ctx, asValidated(id, rev, stored, revisions), oldDoc);
    if (verdict) return { id, ...refusalOf(verdict) };
    this.replicateTrusted(id, rev, revisions, stored);
    return { id, rev, ok: true };
  }

  private replicateTrusted(id: string, rev: string, revisions: { start: number; ids: string[] }, body: Body): void {
    const existing = this.docs.get(id);
    const path = revPathOf(revisions, body._deleted === true);
    const d: StoredDoc = existing ?? { tree: [], bodies: new Map(), seq: 0 };
    d.tree = stemAfterWrite(mergePath(d.tree, path).tree);
    d.bodies.set(rev, body);
    this.docs.set(id, d);
    this.afterWrite(id);
  }

  /** `POST /db/_compact`: every body but the leaves' is gone, their nodes marked missing. */
  compact(): void {
    const missing = (node: RevNode): RevNode =>
      node[2].length === 0 ? node : [node[0], { status: 'missing' }, node[2].map(missing)];
    for (const d of this.docs.values()) {
      const keep = new Set(collectLeaves(d.tree).map((l) => l.rev));
      for (const rev of [...d.bodies.keys()]) if (!keep.has(rev)) d.bodies.delete(rev);
      d.tree = d.tree.map((b) => ({ pos: b.pos, ids: missing(b.ids) }));
    }
  }

  revsDiff(ctx: UserCtx, revs: Record<string, string[]>): Record<string, { missing: string[] }> {
    this.checkReader(ctx);
    const out: Record<string, { missing: string[] }> = {};
    for (const [id, list] of Object.entries(revs)) {
      const d = this.docs.get(id);
      const missing = list.filter((r) => !d || !revExists(d.tree, r));
      if (missing.length > 0) out[id] = { missing };
    }
    return out;
  }

  private changeRow(id: string, d: StoredDoc): Body {
    const win = this.winner(d);
    const leafRevs = collectLeaves(d.tree).map((l) => l.rev);
    const changes = [win, ...leafRevs.filter((r) => r !== win)].map((rev) => ({ rev }));
    const row: Body = { seq: this.seqString(d.seq), id, changes };
    if (this.winnerBody(d)._deleted) row.deleted = true;
    return row;
  }

  changesSince(ctx: UserCtx, since: unknown, limit: number): { results: Body[]; last_seq: string; pending: number } {
    this.checkReader(ctx);
    const from = this.parseSeq(since);
    const rows = [...this.docs.entries()].filter(([, d]) => d.seq > from).sort((a, b) => a[1].seq - b[1].seq);
    const page = rows.slice(0, limit);
    const last = page.length > 0 ? page[page.length - 1]![1].seq : this.updateSeq;
    return {
      results: page.map(([id, d]) => this.changeRow(id, d)),
      last_seq: this.seqString(last),
      pending: rows.length - page.length,
    };
  }

  /** Resolves when a write happens or `ms` pass (a `longpoll` feed). */
  waitForChange(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal.addEventListener('abort', done);
    });
  }

  /** A revision with its ancestry, attachments inline unless the client holds them (`atts_since`). */
  getRev(
    ctx: UserCtx,
    id: string,
    rev: string | null,
    opts: { revs?: boolean; attachments?: boolean; attsSince?: string[]; conflicts?: boolean } = {},
  ): Body {
    this.checkReader(ctx);
    const d = this.docs.get(id);
    if (!d) throw new CouchError(404, 'not_found', 'missing');
    const which = rev ?? this.winner(d);
    const body = d.bodies.get(which);
    if (!body) throw new CouchError(404, 'not_found', 'missing');
    if (!rev && body._deleted) throw new CouchError(404, 'not_found', 'deleted');
    const out: Body = { _id: id, _rev: which, ...body };
    const revisions = this.pathOf(d, which)!;
    if (opts.revs) out._revisions = revisions;
    if (opts.conflicts) {
      const conflicts = collectConflicts({ rev_tree: d.tree });
      if (conflicts.length > 0) out._conflicts = conflicts;
    }
    const atts = body._attachments as Record<string, Attachment> | undefined;
    if (atts) {
      // couch_db:apply_open_options2: with `atts_since`, data only for attachments whose revpos is past
      // the newest named ancestor's position (0 when none is an ancestor); without it, all data.
      let known: number | null = null;
      if (opts.attsSince) {
        known = 0;
        for (const r of opts.attsSince) {
          const { pos, hash } = splitRev(r);
          if (revisions.ids[revisions.start - pos] === hash) known = Math.max(known, pos);
        }
      }
      out._attachments = shownAttachments(atts, opts.attachments === true, known);
    }
    return out;
  }

  /** Every leaf of a document with its ancestry, for looking inside in tests. */
  leaves(
    id: string,
  ): { rev: string; deleted: boolean; body: Body | null; revisions: { start: number; ids: string[] } }[] {
    const d = this.docs.get(id);
    if (!d) return [];
    return collectLeaves(d.tree).map((l) => ({
      rev: l.rev,
      deleted: !!l.opts.deleted,
      body: d.bodies.get(l.rev) ?? null,
      revisions: this.pathOf(d, l.rev)!,
    }));
  }

  winningRevOf(id: string): string | null {
    const d = this.docs.get(id);
    return d ? this.winner(d) : null;
  }

  ids(): string[] {
    return [...this.docs.keys()];
  }

  getLocal(ctx: UserCtx, id: string): Body | null {
    this.checkReader(ctx);
    const l = this.locals.get(id);
    return l ? { ...l.body, _id: `_local/${id}`, _rev: `0-${l.rev}` } : null;
  }

  putLocal(ctx: UserCtx, id: string, doc: Body): string {
    this.checkReader(ctx);
    const l = this.locals.get(id);
    const given = typeof doc._rev === 'string' ? doc._rev : null;
    if (l && given !== `0-${l.rev}`) throw new CouchError(409, 'conflict', 'Document update conflict.');
    const body: Body = {};
    for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) body[k] = v;
    const rev = (l?.rev ?? 0) + 1;
    this.locals.set(id, { rev, body });
    return `0-${rev}`;
  }
}
