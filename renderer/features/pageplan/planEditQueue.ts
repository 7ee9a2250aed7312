/**
 * The flatplan's plan edits, one after another: an edit made while the one before is still saving waits for
 * it and then runs on the plan it produced, so none is dropped (no lost work). A refusal is kept per subject
 * (the slot, page or story the edit was about) until a later edit on the same subject settles it or the
 * person dismisses it; edits about other things leave it shown. Pure: no React, no transport.
 */
import type { IpcError, Result } from '../../../shared/ipc/errors';
import type { Issue } from '../../../shared/model/issue';

export interface QueuedEdit {
  /** What the edit is about, e.g. `slot:A03/A03-1`: a later edit on it supersedes this one's refusal. */
  subject: string;
  /** Runs the edit on `base`, the plan as the edits before it left it (saved); ok carries the plan it saved. */
  apply(base: Issue): Promise<Result<Issue>>;
}

export interface Refusal {
  subject: string;
  error: IpcError;
}

export interface PlanEditQueueHooks {
  /** The plan on screen, where an edit starts when nothing newer was saved by this queue. */
  shown(): Issue | null;
  /** Reads the saved plan again: after a refusal the next edit starts from what is really saved. */
  reload(): Promise<Issue | null>;
  /** The refusals still standing, oldest first, whenever they change. */
  onRefusals(refusals: Refusal[]): void;
}

export interface PlanEditQueue {
  /** Queues the edit; resolves with its result once it has run (null: there was no plan to edit). */
  run(edit: QueuedEdit): Promise<Result<Issue> | null>;
  /** The person closed the banner of this subject's refusal (all of them without a subject). */
  dismiss(subject?: string): void;
  /** Forgets the newest saved plan and the refusals: another day's plan is shown. */
  reset(): void;
  /** Edits queued or running. */
  pending(): number;
}

/** The newer of two plans of the same issue; the shown one if they are different issues (a new day). */
function newer(shown: Issue | null, saved: Issue | null): Issue | null {
  if (!saved || !shown || saved.id !== shown.id) return shown;
  return saved.revision > shown.revision ? saved : shown;
}

export function createPlanEditQueue(hooks: PlanEditQueueHooks): PlanEditQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  // The plan the last edit of this queue saved: the next edit's base even before the screen has reloaded.
  let saved: Issue | null = null;
  let generation = 0;
  const refusals = new Map<string, IpcError>();
  const publish = () => hooks.onRefusals([...refusals].map(([subject, error]) => ({ subject, error })));

  async function runNow(edit: QueuedEdit, gen: number): Promise<Result<Issue> | null> {
    const base = newer(hooks.shown(), saved);
    if (!base || gen !== generation) return null;
    let r: Result<Issue>;
    try {
      r = await edit.apply(base);
    } catch (e) {
      r = { ok: false, error: { code: 'internal', message: (e as Error).message } };
    }
    if (gen !== generation) return r;
    if (r.ok) {
      saved = r.value;
      if (refusals.delete(edit.subject)) publish();
    } else {
      refusals.set(edit.subject, r.error);
      publish();
      // A refusal may be a stale base (someone else saved): the next edit starts from the plan read now.
      saved = null;
      const fresh = await hooks.reload();
      if (gen === generation) saved = fresh;
    }
    return r;
  }

  return {
    run(edit) {
      const gen = generation;
      waiting++;
      const result = tail.then(() => runNow(edit, gen));
      tail = result.then(
        () => waiting--,
        () => waiting--,
      );
      return result;
    },
    dismiss(subject) {
      if (subject === undefined) refusals.clear();
      else refusals.delete(subject);
      publish();
    },
    reset() {
      generation++;
      saved = null;
      refusals.clear();
      publish();
    },
    pending: () => waiting,
  };
}
