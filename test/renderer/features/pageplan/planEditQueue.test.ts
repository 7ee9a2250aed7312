/**
 * The flatplan's edit queue against the real plan service (a temp store), each save held back as a slow disk
 * would: a second edit made while the first saves is applied on the plan the first produced, and a refusal
 * stays until an edit on the same subject settles it or it is dismissed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/ipc/errors';
import type { Issue } from '../../../../shared/model/issue';
import type { SlotEdit } from '../../../../shared/model/slotEdit';
import { createPlanEditQueue, type Refusal } from '../../../../renderer/features/pageplan/planEditQueue';
import { openTempStore, type TempStore } from '../../../electron/services/tempStore';

const DATE = '2026-12-01';
let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function planOnScreen(): Promise<{ shown: Issue | null; read: () => Promise<Issue | null> }> {
  store = await openTempStore();
  const created = await store.client.call('pageplan.createIssue', { date: DATE, template: '4版' });
  if (!created.ok) throw new Error(created.error.message);
  const screen = { shown: created.value as Issue | null, read: async () => null as Issue | null };
  // The screen's reload: read the saved plan and show it.
  screen.read = async () => {
    const r = await store.client.call('pageplan.flatplan', { date: DATE });
    screen.shown = r.ok ? r.value.issue : null;
    return screen.shown;
  };
  return screen;
}

/** A shape edit whose save is held `ms` before it reaches the service, as on a slow disk. */
const slowShape =
  (edit: SlotEdit, ms: number, bases: number[]) =>
  async (base: Issue): Promise<Result<Issue>> => {
    bases.push(base.revision);
    await later(ms);
    return store.client.call('pageplan.shape', { date: DATE, edit, baseRevision: base.revision });
  };

/** A queued edit about `subject`: the shape edit, saved `ms` late. */
const slowEdit = (subject: string, edit: SlotEdit, ms: number, bases: number[]) => ({
  subject,
  apply: slowShape(edit, ms, bases),
});

describe('the plan edit queue', () => {
  it('applies a second edit made while the first is saving, on the revision the first saved', async () => {
    const screen = await planOnScreen();
    const start = screen.shown!.revision;
    let refusals: Refusal[] = [];
    const queue = createPlanEditQueue({
      shown: () => screen.shown,
      reload: screen.read,
      onRefusals: (r) => (refusals = r),
    });
    const bases: number[] = [];
    // Both made before either saves; the screen has not reloaded in between.
    const first = queue.run(slowEdit('slot:A03/A03-1', { op: 'delete', page: 'A03', slotId: 'A03-1' }, 150, bases));
    const second = queue.run(slowEdit('slot:A03/A03-2', { op: 'delete', page: 'A03', slotId: 'A03-2' }, 10, bases));
    expect(queue.pending()).toBe(2);
    const [r1, r2] = await Promise.all([first, second]);
    expect(r1?.ok && r2?.ok).toBe(true);
    expect(bases).toEqual([start, start + 1]);
    const saved = await store.services.issues.get(screen.shown!.id);
    expect(saved.revision).toBe(start + 2);
    const a03 = saved.pages.find((p) => p.label === 'A03')!.slots.map((s) => s.id);
    expect(a03).not.toContain('A03-1');
    expect(a03).not.toContain('A03-2');
    expect(refusals).toEqual([]);
    expect(queue.pending()).toBe(0);
  });

  it('keeps a refusal shown through an edit about something else, until the same subject is settled or dismissed', async () => {
    const screen = await planOnScreen();
    let refusals: Refusal[] = [];
    const queue = createPlanEditQueue({
      shown: () => screen.shown,
      reload: screen.read,
      onRefusals: (r) => (refusals = r),
    });
    const bases: number[] = [];
    // A slot drawn over the masthead is refused by the plan rule; the next edit, on A02, succeeds.
    const over = queue.run(
      slowEdit('page:A01', { op: 'draw', page: 'A01', rect: { col: 0, cols: 8, line: 2, lines: 10 } }, 50, bases),
    );
    const other = queue.run(slowEdit('slot:A02/A02-1', { op: 'delete', page: 'A02', slotId: 'A02-1' }, 10, bases));
    expect((await over)?.ok).toBe(false);
    expect((await other)?.ok).toBe(true);
    expect(refusals.map((r) => r.subject)).toEqual(['page:A01']);
    expect(refusals[0]!.error.message).toContain('报头');

    // A second try on A01, below the masthead, settles it.
    const retry = await queue.run(slowEdit('page:A01', { op: 'delete', page: 'A01', slotId: 'A01-1' }, 10, bases));
    expect(retry?.ok).toBe(true);
    expect(refusals).toEqual([]);

    // Another refusal, dismissed by the person.
    await queue.run(
      slowEdit('page:A01', { op: 'draw', page: 'A01', rect: { col: 0, cols: 8, line: 0, lines: 4 } }, 10, bases),
    );
    expect(refusals).toHaveLength(1);
    queue.dismiss('page:A01');
    expect(refusals).toEqual([]);
  });

  it('starts the edit after a refusal from the plan saved meanwhile by someone else', async () => {
    const screen = await planOnScreen();
    const queue = createPlanEditQueue({ shown: () => screen.shown, reload: screen.read, onRefusals: () => undefined });
    const shown = screen.shown!;
    // Another desk saves the plan: the screen still shows the older revision.
    const elsewhere = await store.client.call('pageplan.shape', {
      date: DATE,
      edit: { op: 'delete', page: 'A04', slotId: 'A04-1' },
      baseRevision: shown.revision,
    });
    if (!elsewhere.ok) throw new Error(elsewhere.error.message);
    const bases: number[] = [];
    const stale = queue.run(slowEdit('slot:A03/A03-1', { op: 'delete', page: 'A03', slotId: 'A03-1' }, 10, bases));
    const next = queue.run(slowEdit('slot:A03/A03-1', { op: 'delete', page: 'A03', slotId: 'A03-1' }, 10, bases));
    expect(await stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await next)?.ok).toBe(true);
    expect(bases).toEqual([shown.revision, elsewhere.value.revision]);
  });
});
