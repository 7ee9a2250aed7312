/**
 * One rule, two executors: the design document's `validate_doc_update`, run as CouchDB runs it (a
 * function of newDoc, oldDoc, userCtx, secObj in a sandbox of its own), gives the same verdict as
 * the app's rule function on random writes; and every move the app itself makes passes it.
 */
import * as fc from 'fast-check';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { STATUSES, ROLES, type ArticleStatus, type UserRole } from '../../../../shared/model/status';
import { emptyContent, type Article } from '../../../../shared/model/article';
import {
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
  mayEditText,
  settleEdit,
} from '../../../../shared/rules/workflow';
import { compileValidator } from '../../../electron/services/sync/couchDouble/sandboxedValidator';

const T = hubRuleTables();
const NAMES = ['rita', 'ruth', 'chen', 'wang', 'lin'];
const ID = 'a-story12345';
const PLACEMENT = { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 };

type Doc = Record<string, unknown>;

function story(over: Partial<Article> = {}): Article {
  return {
    ...emptyContent(),
    headline: '标题',
    source: '本报讯',
    body: [{ type: 'paragraph', children: [{ text: '正文。' }] }],
    id: ID,
    status: 'draft',
    spikedFrom: null,
    revision: 1,
    createdAt: '2026-12-01T08:00:00.000Z',
    createdBy: 'rita',
    updatedAt: '2026-12-01T08:00:00.000Z',
    updatedBy: 'rita',
    placement: null,
    ...over,
  };
}

function docOf(a: Article): Doc {
  const d: Doc = { ...a, _id: a.id, _rev: '3-abc', _revisions: { start: 3, ids: ['abc', 'def', 'ghi'] } };
  delete d.revision;
  return d;
}

const statusArb = fc.constantFrom<ArticleStatus>(...STATUSES);
const storyArb = fc
  .record({
    status: statusArb,
    spikedFrom: fc.option(statusArb, { nil: null }),
    createdBy: fc.constantFrom(...NAMES),
    updatedBy: fc.constantFrom(...NAMES),
    placement: fc.option(fc.constant(PLACEMENT), { nil: null }),
    firstSubmittedAt: fc.option(fc.constantFrom('2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z'), {
      nil: undefined,
    }),
    headline: fc.constantFrom('标题', '改过的标题'),
    deskNote: fc.constantFrom('', '请核实'),
  })
  .map(({ firstSubmittedAt, ...rest }) => story({ ...rest, ...(firstSubmittedAt ? { firstSubmittedAt } : {}) }));

const ctxArb = fc.record({
  name: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  roles: fc.subarray(['reporter', 'copy_editor', 'chief_editor', 'layout', 'desk_admin', '_admin', 'guest'], {
    maxLength: 2,
  }),
});

/** A write a member might make: an app move, a field edit, a tombstone, or anything at all. */
const caseArb = fc.record({ old: fc.option(storyArb, { nil: null }), ctx: ctxArb }).chain(({ old, ctx }) => {
  const base = old ?? story();
  const oldDoc: Doc | null = old ? docOf(old) : null;
  const name = ctx.name ?? 'nobody';
  const move = fc
    .tuple(fc.constantFrom<ArticleStatus | 'restored'>(...STATUSES, 'restored'), fc.boolean())
    .map(([to, signed]) =>
      docOf({ ...applyTransition(base, to, name, '2026-12-01T11:00:00.000Z'), updatedBy: signed ? name : 'rita' }),
    );
  const edit = fc
    .record({
      field: fc.constantFrom(
        'headline',
        'placement',
        'createdBy',
        'createdAt',
        'id',
        'deskNote',
        'firstSubmittedAt',
        'spikedFrom',
        'comments',
        'extra',
      ),
      value: fc.constantFrom<unknown>('x', null, PLACEMENT, [], 'rita'),
    })
    .map(({ field, value }) => ({ ...docOf(base), [field]: value, updatedBy: name }));
  const tombstone = fc
    .record({
      into: fc.option(fc.constantFrom('4-zzz', '3-abc', ''), { nil: undefined }),
      by: fc.constantFrom(name, 'wang'),
    })
    .map(({ into, by }): Doc => ({
      _id: ID,
      _rev: '4-tomb',
      _deleted: true,
      updatedBy: by,
      updatedAt: 'now',
      ...(into !== undefined ? { resolvedInto: into } : {}),
    }));
  const anything = fc.tuple(storyArb, fc.constantFrom(name, 'rita')).map(([s, by]) => ({ ...docOf(s), updatedBy: by }));
  const newDoc = fc.oneof(move, edit, tombstone, anything);
  const oldChoice = fc.oneof(
    { weight: 5, arbitrary: fc.constant(oldDoc) },
    {
      weight: 1,
      arbitrary: fc.constant<Doc>({ _id: ID, _rev: '2-dead', _deleted: true, updatedBy: 'wang', updatedAt: 'then' }),
    },
  );
  return fc.record({ newDoc, oldDoc: oldChoice, ctx: fc.constant(ctx) });
});

describe('the generated validate_doc_update and the app’s rule', () => {
  const sandboxed = compileValidator(validateDocUpdateSource());

  it('agree on 10,000 random (role, old, new) writes', () => {
    let refusals = 0;
    fc.assert(
      fc.property(caseArb, ({ newDoc, oldDoc, ctx }) => {
        const native = judgeStoryWrite(T, newDoc, oldDoc, ctx);
        const hub = sandboxed(newDoc, oldDoc, ctx, HUB_SECURITY);
        if (native) refusals++;
        expect(hub).toEqual(native);
      }),
      { numRuns: 10_000 },
    );
    // Both outcomes are well represented, so agreement is not agreement on one answer.
    expect(refusals).toBeGreaterThan(2_000);
    expect(refusals).toBeLessThan(9_000);
  });

  it('let every move the app makes pass the hub: no gaps between the two tables', () => {
    const from = fc.record({ status: statusArb, placed: fc.boolean(), spikedFrom: statusArb, own: fc.boolean() });
    fc.assert(
      fc.property(
        from,
        fc.constantFrom<UserRole>(...ROLES),
        fc.constantFrom<ArticleStatus | 'restored'>(...STATUSES, 'restored'),
        (f, role, to) => {
          const before = story({
            status: f.status,
            spikedFrom: f.status === 'spiked' && f.spikedFrom !== 'spiked' ? f.spikedFrom : null,
            placement: f.placed ? PLACEMENT : null,
            firstSubmittedAt: f.status === 'draft' ? undefined : '2026-12-01T09:00:00.000Z',
          });
          const name = f.own ? 'rita' : 'someone';
          if (!checkTransition(before, to, role, name).ok) return;
          const after = { ...applyTransition(before, to, name, '2026-12-01T11:00:00.000Z'), updatedBy: name };
          const ctx = { name, roles: [hubRoleOf(role)] };
          expect(sandboxed(docOf(after), docOf(before), ctx, HUB_SECURITY)).toBeNull();
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('let every text edit the app allows pass the hub, as the app writes it (reopened after sign-off)', () => {
    for (const role of ROLES) {
      for (const status of STATUSES) {
        for (const name of ['rita', 'someone']) {
          const before = story({
            status,
            spikedFrom: status === 'spiked' ? 'edited' : null,
            placement: status === 'placed' ? PLACEMENT : null,
            firstSubmittedAt: status === 'draft' ? undefined : '2026-12-01T09:00:00.000Z',
          });
          const edited = { ...before, headline: '改过的标题', updatedBy: name };
          const after = settleEdit(before, edited, role);
          const verdict = sandboxed(docOf(after), docOf(before), { name, roles: [hubRoleOf(role)] }, HUB_SECURITY);
          // The app's editor and the hub agree on who may edit what, and the app never writes what the hub refuses.
          expect(verdict === null, `${role} ${name} editing ${status}: ${JSON.stringify(verdict)}`).toBe(
            mayEditText(before, role, name),
          );
        }
      }
    }
  });

  it('let the page plan place and unplace stories for those who edit it (layout, the chief editor)', () => {
    for (const role of ['layout', 'chief-editor'] as const) {
      for (const status of STATUSES.filter((s) => s !== 'spiked')) {
        for (const [was, now] of [
          [null, PLACEMENT],
          [PLACEMENT, null],
          [PLACEMENT, { ...PLACEMENT, page: 'A2' }],
        ] as const) {
          const before = story({ status, placement: was, firstSubmittedAt: '2026-12-01T09:00:00.000Z' });
          const after = { ...applyPlacement(before, now), updatedBy: 'lin' };
          const verdict = sandboxed(
            docOf(after),
            docOf(before),
            { name: 'lin', roles: [hubRoleOf(role)] },
            HUB_SECURITY,
          );
          expect(verdict, `${role} ${status} ${JSON.stringify(was)} -> ${JSON.stringify(now)}`).toBeNull();
        }
      }
    }
  });

  it('survives the CLI bundler: minified with keepNames, the source still runs alone in a sandbox', async () => {
    const out = await build({
      entryPoints: [new URL('../../../../shared/rules/sync/hubValidation.ts', import.meta.url).pathname],
      bundle: true,
      minify: true,
      keepNames: true,
      format: 'esm',
      platform: 'node',
      write: false,
    });
    const mod = (await import(
      `data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.text).toString('base64')}`
    )) as {
      validateDocUpdateSource: () => string;
    };
    const bundled = compileValidator(mod.validateDocUpdateSource());
    fc.assert(
      fc.property(caseArb, ({ newDoc, oldDoc, ctx }) => {
        expect(bundled(newDoc, oldDoc, ctx, HUB_SECURITY)).toEqual(judgeStoryWrite(T, newDoc, oldDoc, ctx));
      }),
      { numRuns: 500 },
    );
  });
});
