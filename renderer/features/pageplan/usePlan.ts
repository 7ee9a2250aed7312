/** The day's flatplan: loaded, refreshed live on article.saved / issue.saved, and edited in order with undo. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IpcError, Result } from '../../../shared/ipc/errors';
import type { FlatplanRow } from '../../../shared/model/flatplan';
import type { Issue, IssueContent } from '../../../shared/model/issue';
import { api } from '../../api/transport';
import { useReloadOnEvents } from '../../common/useReloadOnEvents';
import { createPlanEditQueue, type Refusal } from './planEditQueue';
import { keepUndoSteps, undoStepsFor, type UndoStep } from './planUndoStore';

export interface PlanState {
  issue: Issue;
  rows: FlatplanRow[];
}

const contentOf = (issue: Issue): IssueContent => ({ date: issue.date, number: issue.number, pages: issue.pages });

/** What a queued edit will make of the plan, shown until the plan it saved is on screen (null: not known). */
export type PlanPreview = (plan: IssueContent) => IssueContent | null;

interface PendingPreview {
  id: number;
  apply: PlanPreview;
  /** The revision the edit saved; once the screen shows that revision the preview is in it. */
  savedAt: number | null;
}

/**
 * The plan as the person will see it once the queued edits have saved: the next gesture (a second Alt+↓, a
 * second split) is worked out from where the first left the slot, not from where it was.
 */
function withPreviews(plan: PlanState | null, previews: PendingPreview[]): PlanState | null {
  if (!plan) return plan;
  const waiting = previews.filter((p) => p.savedAt === null || p.savedAt > plan.issue.revision);
  if (waiting.length === 0) return plan;
  const content = waiting.reduce((c, p) => p.apply(c) ?? c, contentOf(plan.issue));
  return { ...plan, issue: { ...plan.issue, pages: content.pages } };
}

export function usePlan(date: string | null) {
  const [plan, setPlan] = useState<PlanState | null>(null);
  // Why the plan could not be read; a refused edit is a refusal below, not this.
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [pending, setPending] = useState(0);
  const [previews, setPreviews] = useState<PendingPreview[]>([]);
  const previewSeq = useRef(0);
  // The steps outlive the screen (planUndoStore): a visit to a proof or a story keeps 撤销.
  const [undo, setUndoState] = useState<UndoStep[]>(() => undoStepsFor(date));
  // Queued edits read and push steps when they run, not when they were made.
  const undoRef = useRef(undo);
  const setUndo = useCallback(
    (next: (steps: UndoStep[]) => UndoStep[]) => {
      const after = next(undoRef.current);
      undoRef.current = after;
      keepUndoSteps(date, after);
      setUndoState(after);
    },
    [date],
  );
  const planRef = useRef<PlanState | null>(null);
  planRef.current = plan;

  // Loads may overlap (an event's reload and an edit's): only the last one started is shown.
  const loadSeq = useRef(0);
  const load = useCallback(async (): Promise<Issue | null> => {
    if (!date) return null;
    const seq = ++loadSeq.current;
    const r = await api.call('pageplan.flatplan', { date });
    if (seq !== loadSeq.current) return r.ok ? r.value.issue : null;
    if (r.ok) {
      setPlan(r.value);
      setLoadError(null);
      return r.value.issue;
    }
    setPlan(null);
    setLoadError(r.error);
    return null;
  }, [date]);
  const reload = useCallback(async () => {
    await load();
  }, [load]);

  const queue = useMemo(
    () =>
      createPlanEditQueue({
        shown: () => planRef.current?.issue ?? null,
        reload: load,
        onRefusals: setRefusals,
      }),
    [load],
  );

  // Declared before the reload below, so a new date clears the old plan before the first load.
  useEffect(() => {
    setPlan(null);
    setPreviews([]);
    const steps = undoStepsFor(date);
    undoRef.current = steps;
    setUndoState(steps);
  }, [date]);
  useEffect(() => () => queue.reset(), [queue]);
  // Any event may change the plan's stories, except another day's plan being saved.
  useReloadOnEvents(reload, (e) => !(e.event === 'issue.saved' && e.date !== date), 60);

  const settle = useCallback(
    async (r: Result<Issue> | null): Promise<boolean> => {
      setPending(queue.pending());
      if (r) await load();
      return r?.ok ?? false;
    },
    [queue, load],
  );

  /**
   * Queues one plan edit about `subject` (the slot, page or story it concerns). It runs on the plan the edits
   * before it saved, so a second edit made while the first saves is applied after it, never dropped.
   */
  const run = useCallback(
    async (
      label: string,
      op: (baseRevision: number) => Promise<Result<Issue>>,
      subject: string = label,
      preview?: PlanPreview,
    ): Promise<boolean> => {
      if (!planRef.current) return false;
      const id = ++previewSeq.current;
      if (preview) setPreviews((p) => [...p, { id, apply: preview, savedAt: null }]);
      const result = queue.run({
        subject,
        apply: async (base) => {
          const r = await op(base.revision);
          if (r.ok) setUndo((u) => [...u.slice(-49), { before: contentOf(base), after: r.value.revision, label }]);
          return r;
        },
      });
      setPending(queue.pending());
      const r = await result;
      // A refused edit's preview goes at once; a saved one stays until the screen shows what it saved.
      const savedAt = r?.ok ? r.value.revision : null;
      if (preview)
        setPreviews((p) =>
          savedAt === null ? p.filter((x) => x.id !== id) : p.map((x) => (x.id === id ? { ...x, savedAt } : x)),
        );
      const ok = await settle(r);
      if (preview && savedAt !== null) setPreviews((p) => p.filter((x) => x.id !== id));
      return ok;
    },
    [queue, settle, setUndo],
  );

  /** Undoes the last step as it stands when the edits queued before the undo have run. */
  const undoLast = useCallback(async () => {
    if (!planRef.current || undoRef.current.length === 0) return;
    const result = queue.run({
      subject: 'undo',
      apply: async (base) => {
        const step = undoRef.current.at(-1);
        if (!step) return { ok: true, value: base };
        const r = await api.call('issues.save', { id: base.id, baseRevision: step.after, content: step.before });
        // The plan is now exactly as the step before left it, at a new revision: that step undoes from here.
        setUndo((u) => {
          const rest = u.slice(0, -1);
          const prev = rest.at(-1);
          return r.ok && prev ? [...rest.slice(0, -1), { ...prev, after: r.value.revision }] : rest;
        });
        return r;
      },
    });
    setPending(queue.pending());
    await settle(await result);
  }, [queue, settle, setUndo]);

  const shown = useMemo(() => withPreviews(plan, previews), [plan, previews]);

  return {
    /** The plan on screen: the saved one with the edits still saving laid over it. */
    plan: shown,
    /** Why the plan could not be read. */
    error: loadError,
    /** Refused edits still standing: each until an edit on the same subject settles it, or it is dismissed. */
    refusals,
    busy: pending > 0,
    run,
    undo,
    undoLast,
    reload,
    dismissRefusal: (subject?: string) => queue.dismiss(subject),
  };
}
