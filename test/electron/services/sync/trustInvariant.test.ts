/**
 * The newsroom's invariant, property-tested: after any sequence of legitimate desk actions and
 * member attacks (invented histories of any depth via `_bulk_docs` `new_edits: false`, deletes of
 * any leaf, forged fields, compaction), every desk shows each story either with a winning revision
 * whose every status change was made by a role permitted to make it, or with a conflict that blocks
 * approval and export, or as deleted by a named member with its last text kept.
 *
 * The hub is the CouchDB double's database object (couchDoubleDb.ts) called in process with each
 * user's userCtx: oldDoc = nearest stored ancestor or null, compaction drops non-leaf bodies,
 * `new_edits: false` revisions stored after validation, 403 for non-members. pouchdb-server differs
 * on all four (it validates against the current winner, drops replicated revisions of existing
 * documents under a design document, and answers strangers 401). Desks are the app's own replica
 * code (articleDoc.ts: localEdit, applyRemote, resolveConflict) in memory, with the app's workflow
 * functions and its local hub check; the HTTP layer and disk store are covered by trustFindings.
 *
 * "Permitted" is judged by an oracle written here from the workflow tables (moves, spikes,
 * restores as a graph), not by the rule function under test.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRemote,
  bodyOf,
  localEdit,
  resolveConflict,
  type RemoteRevision,
  type SyncedArticle,
} from '../../../../electron/services/revisionTree/articleDoc';
import { leaves, revisionsOf } from '../../../../electron/services/revisionTree/revTree';
import { revHash } from '../../../../electron/services/revisionTree/revTree';
import { emptyContent, type Article } from '../../../../shared/model/article';
import { STATUSES, type ArticleStatus, type UserRole } from '../../../../shared/model/status';
import {
  articleOnly,
  conflictCount,
  deletionOf,
  DocBodySchema,
  TombstoneBodySchema,
} from '../../../../shared/model/syncFields';
import { checkExportGate } from '../../../../shared/rules/exportGate';
import {
  HUB_DESIGN_ID,
  HUB_SECURITY,
  hubRoleOf,
  hubRuleTables,
  validateDocUpdateSource,
} from '../../../../shared/rules/sync/hubValidation';
import { judgeStoryWrite } from '../../../../shared/rules/sync/storyWriteRule';
import {
  applyPlacement,
  applyTransition,
  checkTransition,
  HUB_MOVES,
  settleEdit,
  SPIKE_FROM,
} from '../../../../shared/rules/workflow';
import { CouchDoubleDb, CouchError, type UserCtx } from './couchDouble/couchDoubleDb';

const T = hubRuleTables();
const PEOPLE: { name: string; role: UserRole }[] = [
  { name: 'rita', role: 'reporter' },
  { name: 'ruth', role: 'reporter' },
  { name: 'chen', role: 'copy-editor' },
  { name: 'wang', role: 'chief-editor' },
  { name: 'lin', role: 'layout' },
];
const ADMIN: UserCtx = { name: 'admin', roles: ['_admin'] };
const PLACEMENT = { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 };

// ---- the oracle: which status changes each role may make, as a graph over (status, spikedFrom) ----

type State = string; // "draft" or "spiked<edited"
const stateOf = (d: Record<string, unknown>): State =>
  d.status === 'spiked' ? `spiked<${String(d.spikedFrom ?? 'draft')}` : String(d.status);

function reachable(role: UserRole, from: State): Set<State> {
  const seen = new Set<State>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    const next: State[] = [];
    if (at.startsWith('spiked<')) {
      const back = at.slice(7) as ArticleStatus;
      if (SPIKE_FROM[role].includes(back)) next.push(back);
    } else {
      for (const [f, t] of HUB_MOVES[role]) if (f === at) next.push(t);
      if (SPIKE_FROM[role].includes(at as ArticleStatus)) next.push(`spiked<${at}`);
    }
    for (const n of next) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return seen;
}

/** A known revision: who wrote it, in which role, and its body. */
interface Written {
  by: string;
  role: UserRole | 'admin';
  body: Record<string, unknown>;
}

// ---- desks ----

interface Desk {
  name: string;
  role: UserRole;
  stories: Map<string, SyncedArticle>;
}

class World {
  readonly hub = new CouchDoubleDb('newsroom');
  readonly desks = PEOPLE.map((p): Desk => ({ ...p, stories: new Map() }));
  /** Every revision body written by anyone, by `${id}@${rev}`. */
  readonly written = new Map<string, Written>();
  readonly ids: string[] = [];
  clock = 0;
  resolutionsRefused: string[] = [];

  constructor() {
    this.hub.security = structuredClone(HUB_SECURITY);
    this.hub.write(ADMIN, {
      _id: HUB_DESIGN_ID,
      language: 'javascript',
      validate_doc_update: validateDocUpdateSource(),
    });
  }

  ctxOf(name: string, role: UserRole): UserCtx {
    return { name, roles: [hubRoleOf(role)] };
  }

  now(): string {
    return new Date(Date.UTC(2026, 11, 1, 8, 0, this.clock++)).toISOString();
  }

  private record(id: string, rev: string, by: string, role: UserRole | 'admin', body: Record<string, unknown>) {
    this.written.set(`${id}@${rev}`, { by, role, body });
  }

  /** A desk writes a new version of a story through the app's rules, as the store would. */
  private localWrite(desk: Desk, before: SyncedArticle | null, next: Article): void {
    if (before) {
      const verdict = judgeStoryWrite(
        T,
        { ...bodyOf(next), _id: next.id },
        { ...bodyOf(articleOnly(before)), _id: before.id },
        this.ctxOf(desk.name, desk.role),
      );
      if (verdict) return; // refused on the desk, as checkEditForHub does
    }
    const stored = localEdit(before, next);
    desk.stories.set(next.id, stored);
    this.record(next.id, stored._rev, desk.name, desk.role, bodyOf(stored));
  }

  create(desk: Desk): void {
    const at = this.now();
    const id = `a-st${String(this.ids.length).padStart(6, '0')}`;
    this.ids.push(id);
    const article: Article = {
      ...emptyContent(),
      headline: `稿 ${id}`,
      source: '本报讯',
      body: [{ type: 'paragraph', children: [{ text: '正文。' }] }],
      id,
      status: 'draft',
      spikedFrom: null,
      revision: 1,
      createdAt: at,
      createdBy: desk.name,
      updatedAt: at,
      updatedBy: desk.name,
      placement: null,
    };
    this.localWrite(desk, null, article);
  }

  /** The desk's copy of the story `pick` names (the same story on every desk), if live there. */
  private live(desk: Desk, pick: number): SyncedArticle | null {
    if (this.ids.length === 0) return null;
    const s = desk.stories.get(this.ids[pick % this.ids.length]!);
    return s && !s._deleted ? s : null;
  }

  /** The next step of the story's day, made by the desk whose step it is, synced before and after. */
  advance(pick: number): void {
    if (this.ids.length === 0) return;
    const id = this.ids[pick % this.ids.length]!;
    const onHub = this.hub.leaves(id).find((l) => !l.deleted && l.rev === this.hub.winningRevOf(id));
    const status = onHub?.body?.status;
    const step: Record<string, [string, ArticleStatus]> = {
      draft: [String(onHub?.body?.createdBy), 'submitted'],
      submitted: ['chen', 'edited'],
      edited: ['wang', 'approved'],
    };
    if (status === 'approved') {
      const lin = this.desks.find((d) => d.name === 'lin')!;
      this.sync(lin);
      this.place(lin, pick, true);
      this.sync(lin);
      return;
    }
    const next = typeof status === 'string' ? step[status] : undefined;
    const desk = next && this.desks.find((d) => d.name === next[0]);
    if (!next || !desk) return;
    this.sync(desk);
    this.move(desk, pick, next[1]);
    this.sync(desk);
  }

  move(desk: Desk, pick: number, to: ArticleStatus | 'restored'): void {
    const s = this.live(desk, pick);
    if (!s) return;
    const a = articleOnly(s);
    if (to === 'approved' && conflictCount(s) > 0) return;
    if (!checkTransition(a, to, desk.role, desk.name).ok) return;
    const at = this.now();
    this.localWrite(desk, s, { ...applyTransition(a, to, desk.name, at), updatedAt: at, updatedBy: desk.name });
  }

  edit(desk: Desk, pick: number): void {
    const s = this.live(desk, pick);
    if (!s) return;
    const a = articleOnly(s);
    // As the store writes an edit: a text change after sign-off takes the story back to edited (settleEdit).
    const edited = { ...a, headline: `${a.headline}′`, updatedAt: this.now(), updatedBy: desk.name };
    this.localWrite(desk, s, settleEdit(a, edited, desk.role));
  }

  place(desk: Desk, pick: number, on: boolean): void {
    const s = this.live(desk, pick);
    if (!s || s.status === 'spiked') return;
    const a = articleOnly(s);
    this.localWrite(desk, s, {
      ...applyPlacement(a, on ? PLACEMENT : null),
      updatedAt: this.now(),
      updatedBy: desk.name,
    });
  }

  /** The merge dialog's outcome: the winner's text with the other leaf's headline noted. */
  resolve(desk: Desk, pick: number): void {
    this.sync(desk);
    const conflicted = [...desk.stories.values()].filter((s) => !s._deleted && conflictCount(s) > 0);
    if (conflicted.length === 0) return;
    const s = conflicted[pick % conflicted.length]!;
    const a = articleOnly(s);
    const merged: Article = settleEdit(
      a,
      { ...a, headline: `${a.headline}（合并）`, updatedAt: this.now(), updatedBy: desk.name },
      desk.role,
    );
    const resolved = resolveConflict(s, merged);
    desk.stories.set(s.id, resolved);
    this.record(s.id, resolved._rev, desk.name, desk.role, bodyOf(resolved));
    const ours = new Set(
      leaves(resolved._revTree)
        .map((l) => l.rev)
        .filter((r) => !leaves(s._revTree).some((l) => l.rev === r)),
    );
    const refused = this.push(desk).filter((e) => e.id === s.id && e.rev && ours.has(e.rev));
    // A copy editor (or the chief editor) may end any leaf a desk can hold; the hub must agree.
    if (refused.length > 0)
      this.resolutionsRefused.push(`${desk.name} ${s.id}: ${refused.map((r) => r.reason).join('; ')}`);
  }

  push(desk: Desk) {
    const ctx = this.ctxOf(desk.name, desk.role);
    const errors: { id: string; rev?: string; reason?: string }[] = [];
    for (const s of desk.stories.values()) {
      const diff = this.hub.revsDiff(ctx, { [s.id]: leaves(s._revTree).map((l) => l.rev) });
      const missing = diff[s.id]?.missing ?? [];
      const docs = missing.flatMap((rev): Record<string, unknown>[] => {
        const revisions = revisionsOf(s._revTree, rev);
        const leaf = leaves(s._revTree).find((l) => l.rev === rev)!;
        if (leaf.deleted)
          return [{ ...s._tombstones?.[rev], _id: s.id, _rev: rev, _revisions: revisions, _deleted: true }];
        const body = rev === s._rev ? bodyOf(s) : s._leaves[rev];
        return body ? [{ ...body, _id: s.id, _rev: rev, _revisions: revisions }] : [];
      });
      if (docs.length > 0) errors.push(...this.hub.replicate(ctx, docs));
    }
    return errors;
  }

  pull(desk: Desk): void {
    const ctx = this.ctxOf(desk.name, desk.role);
    for (const row of this.hub.changesSince(ctx, 0, 1e9).results) {
      const id = String(row.id);
      const incoming: RemoteRevision[] = [];
      for (const { rev } of row.changes as { rev: string }[]) {
        const doc = this.hub.getRev(ctx, id, rev, { revs: true });
        const revisions = doc._revisions as RemoteRevision['revisions'];
        if (doc._deleted) {
          const said = TombstoneBodySchema.safeParse(doc);
          incoming.push({ rev, revisions, deleted: true, body: null, tombstone: said.success ? said.data : null });
          continue;
        }
        const parsed = DocBodySchema.safeParse(doc);
        if (parsed.success && parsed.data.id === id)
          incoming.push({ rev, revisions, deleted: false, body: parsed.data });
      }
      const applied = applyRemote(desk.stories.get(id) ?? null, incoming);
      if (applied) desk.stories.set(id, applied.stored);
    }
  }

  sync(desk: Desk): void {
    this.push(desk);
    this.pull(desk);
  }

  // ---- attacks: anything a member can post by hand ----

  private leafOf(pickId: number, pickLeaf: number) {
    if (this.ids.length === 0) return null;
    const id = this.ids[pickId % this.ids.length]!;
    const ls = this.hub.leaves(id);
    return ls.length > 0 ? { id, leaf: ls[pickLeaf % ls.length]! } : null;
  }

  private attack(attacker: Desk, docs: Record<string, unknown>[]): void {
    const ctx = this.ctxOf(attacker.name, attacker.role);
    const refused = this.hub.replicate(ctx, docs);
    for (const d of docs) {
      if (!refused.some((r) => r.rev === d._rev))
        this.record(String(d._id), String(d._rev), attacker.name, attacker.role, d);
    }
  }

  /** A made-up history of `depth` revisions, on top of a real leaf or of nothing, carrying forged fields. */
  forge(
    attacker: Desk,
    a: {
      pickId: number;
      pickLeaf: number;
      depth: number;
      onLeaf: boolean;
      status: ArticleStatus;
      spikedFrom: ArticleStatus;
      createdBy: number;
      updatedBy: number;
      placed: boolean;
      deleted: boolean;
      resolves: boolean;
      rewrite: boolean;
    },
  ): void {
    const target = this.leafOf(a.pickId, a.pickLeaf);
    if (!target) return;
    const { id, leaf } = target;
    const base = a.onLeaf ? leaf.revisions : { start: 0, ids: [] };
    const invented = Array.from({ length: a.depth }, (_, i) =>
      revHash(null, `${attacker.name}-${this.clock}-${i}`, a.deleted),
    );
    this.clock++;
    const revisions = { start: base.start + a.depth, ids: [...invented, ...base.ids] };
    const rev = `${revisions.start}-${invented[0]}`;
    const template = leaf.body && !leaf.deleted ? leaf.body : this.hub.leaves(id).find((l) => !l.deleted)?.body;
    if (!template) return;
    // Index 5 and up: the attacker's own name (the hub checks signatures; most attacks sign honestly).
    const nameAt = (i: number) => (i < PEOPLE.length ? PEOPLE[i]!.name : attacker.name);
    const signer = nameAt(a.updatedBy);
    if (a.deleted) {
      this.attack(attacker, [
        {
          _id: id,
          _rev: rev,
          _revisions: revisions,
          _deleted: true,
          updatedBy: signer,
          updatedAt: this.now(),
          ...(a.resolves ? { resolvedInto: '1-abc' } : {}),
        },
      ]);
      return;
    }
    const body: Record<string, unknown> = { ...template };
    delete body._attachments;
    delete body._deleted;
    Object.assign(body, {
      _id: id,
      _rev: rev,
      _revisions: revisions,
      status: a.status,
      spikedFrom: a.status === 'spiked' && a.spikedFrom !== 'spiked' ? a.spikedFrom : null,
      createdBy: nameAt(a.createdBy),
      updatedBy: signer,
      updatedAt: this.now(),
      headline: a.rewrite ? `伪造 ${attacker.name}` : template.headline,
      placement: a.placed ? PLACEMENT : null,
      firstSubmittedAt: a.status === 'draft' ? undefined : '2026-12-01T09:00:00.000Z',
    });
    if (body.firstSubmittedAt === undefined) delete body.firstSubmittedAt;
    this.attack(attacker, [body]);
  }

  stranger(): string | null {
    try {
      this.hub.replicate({ name: 'olga', roles: [] }, [
        { _id: 'a-stranger0', _rev: '1-abc', id: 'a-stranger0', status: 'approved' },
      ]);
      return 'a stranger wrote to the hub';
    } catch (e) {
      return e instanceof CouchError && e.status === 403 ? null : `a stranger got ${String(e)}`;
    }
  }

  // ---- the invariant ----

  /** Why a desk's view of a story breaks the invariant, or null. */
  violation(desk: Desk, s: SyncedArticle): string | null {
    const deletion = deletionOf(s);
    if (deletion) {
      if (!PEOPLE.some((p) => p.name === deletion.by))
        return `${s.id} deleted by no named member (${JSON.stringify(deletion)})`;
      // History restorable: the last live text is still in the file.
      return s.headline && DocBodySchema.safeParse(bodyOf(s)).success ? null : `${s.id} deleted without its last text`;
    }
    if (conflictCount(s) > 0) {
      const gate = checkExportGate(
        [
          {
            page: 'A1',
            slotId: 'lead',
            articleId: s.id,
            article: articleOnly(s),
            conflicts: conflictCount(s),
          },
        ],
        1e6,
      );
      return gate.some((p) => p.code === 'sync_conflict') ? null : `${s.id} in conflict but exportable`;
    }
    // One live leaf: walk its history; every known revision's status must follow from the one before
    // by its writer's role (a revision with no known ancestor: from a new draft of its writer's own).
    const path = revisionsOf(s._revTree, s._rev);
    let before: Written | null = null;
    for (let i = path.ids.length - 1; i >= 0; i--) {
      const rev = `${path.start - i}-${path.ids[i]}`;
      const w = this.written.get(`${s.id}@${rev}`);
      if (!w) continue;
      if (w.role !== 'admin') {
        const from = before ? stateOf(before.body) : 'draft';
        const ok = before
          ? reachable(w.role, from).has(stateOf(w.body))
          : w.body.createdBy === w.by && reachable(w.role, 'draft').has(stateOf(w.body));
        if (!ok)
          return `${desk.name} sees ${s.id}: ${w.by} (${w.role}) moved it ${before ? from : 'from nothing'} -> ${stateOf(w.body)}`;
      }
      before = w;
    }
    return null;
  }
}

// ---- the generated sequences ----

const who = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const pick = fc.nat(20);
const actionArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), who }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('advance' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      who,
      pick,
      to: fc.constantFrom<ArticleStatus | 'restored'>(...STATUSES, 'restored'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), who, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('place' as const), who, pick, on: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), who: fc.constantFrom(2, 3), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stranger' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('forge' as const),
      who,
      pickId: pick,
      pickLeaf: pick,
      depth: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })),
      onLeaf: fc.boolean(),
      status: fc.oneof(fc.constantFrom<ArticleStatus>('draft', 'submitted', 'approved'), fc.constantFrom(...STATUSES)),
      spikedFrom: fc.constantFrom<ArticleStatus>(...STATUSES),
      createdBy: fc.nat(9),
      updatedBy: fc.nat(9),
      placed: fc.nat(3).map((n) => n === 0),
      deleted: fc.boolean(),
      resolves: fc.boolean(),
      rewrite: fc.boolean(),
    }),
  },
);

type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

function run(actions: Action[]): World {
  const w = new World();
  for (const a of actions) {
    if (a.kind === 'compact') w.hub.compact();
    else if (a.kind === 'advance') w.advance(a.pick);
    else if (a.kind === 'stranger') {
      const problem = w.stranger();
      if (problem) throw new Error(problem);
    } else {
      const desk = w.desks[a.who]!;
      if (a.kind === 'create') w.create(desk);
      else if (a.kind === 'move') w.move(desk, a.pick, a.to);
      else if (a.kind === 'edit') w.edit(desk, a.pick);
      else if (a.kind === 'place') w.place(desk, a.pick, a.on);
      else if (a.kind === 'sync') w.sync(desk);
      else if (a.kind === 'resolve') w.resolve(desk, a.pick);
      else if (a.kind === 'forge') w.forge(desk, a);
    }
  }
  // Everyone syncs until the desks have all the hub holds.
  for (let round = 0; round < 2; round++) for (const d of w.desks) w.sync(d);
  return w;
}

describe('the newsroom invariant under members who attack the hub', () => {
  it('holds on every desk after 2,000 generated sequences of desk work and attacks', { timeout: 300_000 }, () => {
    let conflicts = 0;
    let deleted = 0;
    let approved = 0;
    let attacks = 0;
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 5, maxLength: 40 }), (actions) => {
        const w = run(actions);
        expect(w.resolutionsRefused).toEqual([]);
        for (const desk of w.desks) {
          for (const s of desk.stories.values()) {
            expect(w.violation(desk, s)).toBeNull();
            if (conflictCount(s) > 0) conflicts++;
            if (s._deleted) deleted++;
            if (!s._deleted && conflictCount(s) === 0 && (s.status === 'approved' || s.status === 'placed')) approved++;
          }
        }
        attacks += actions.filter((a) => a.kind === 'forge').length;
      }),
      { numRuns: 2_000 },
    );
    // The sequences reach every outcome the invariant speaks of. The seed is new on every run (fast-check prints it
    // when the property fails), so these are reachability floors, far under the spread: conflicts are rare events
    // counted per desk and story (30 runs gave 16–95, one CI run 40), deleted 20–41, approved 30–105. Floors near
    // the spread's edge failed CI twice without anything being wrong.
    expect(conflicts).toBeGreaterThan(0);
    expect(deleted).toBeGreaterThan(2);
    expect(approved).toBeGreaterThan(5);
    expect(attacks).toBeGreaterThan(1000);
  });
});
