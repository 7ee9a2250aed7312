/** The day's flatplan: loaded, refreshed live on article.saved / issue.saved, and edited with undo. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError, Result } from '../../../shared/ipc/errors';
import type { FlatplanRow } from '../../../shared/model/flatplan';
import type { Issue, IssueContent } from '../../../shared/model/issue';
import { api } from '../../api/transport';
import { useReloadOnEvents } from '../../common/useReloadOnEvents';
import { keepUndoSteps, undoStepsFor, type UndoStep } from './planUndoStore';

export interface PlanState {
  issue: Issue;
  rows: FlatplanRow[];
}

export function usePlan(date: string | null) {
  const [plan, setPlan] = useState<PlanState | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  // The steps outlive the screen (planUndoStore): a visit to a proof or a story keeps 撤销.
  const [undo, setUndoState] = useState<UndoStep[]>(() => undoStepsFor(date));
  const setUndo = useCallback(
    (next: (steps: UndoStep[]) => UndoStep[]) =>
      setUndoState((steps) => {
        const after = next(steps);
        keepUndoSteps(date, after);
        return after;
      }),
    [date],
  );
  const planRef = useRef<PlanState | null>(null);
  planRef.current = plan;

  const reload = useCallback(async () => {
    if (!date) return;
    const r = await api.call('pageplan.flatplan', { date });
    if (r.ok) {
      setPlan(r.value);
      setError(null);
    } else {
      setPlan(null);
      setError(r.error);
    }
  }, [date]);

  // Declared before the reload below, so a new date clears the old plan before the first load.
  useEffect(() => {
    setPlan(null);
    setUndoState(undoStepsFor(date));
  }, [date]);
  // Any event may change the plan's stories, except another day's plan being saved.
  useReloadOnEvents(reload, (e) => !(e.event === 'issue.saved' && e.date !== date), 60);

  /** Runs one plan edit on the revision shown; a stale one comes back as conflict with the newer plan. */
  const run = useCallback(
    async (label: string, op: (baseRevision: number) => Promise<Result<Issue>>): Promise<boolean> => {
      const current = planRef.current;
      if (!current || busy) return false;
      setBusy(true);
      const before: IssueContent = {
        date: current.issue.date,
        number: current.issue.number,
        pages: current.issue.pages,
      };
      const r = await op(current.issue.revision);
      setBusy(false);
      if (!r.ok) {
        setError(r.error);
        await reload();
        return false;
      }
      setError(null);
      setUndo((u) => [...u.slice(-49), { before, after: r.value.revision, label }]);
      await reload();
      return true;
    },
    [busy, reload, setUndo],
  );

  const undoLast = useCallback(async () => {
    const step = undo.at(-1);
    const current = planRef.current;
    if (!step || !current) return;
    const r = await api.call('issues.save', { id: current.issue.id, baseRevision: step.after, content: step.before });
    if (!r.ok) setError(r.error);
    else setError(null);
    // The plan is now exactly as the step before left it, at a new revision: that step undoes from here.
    setUndo((u) => {
      const rest = u.slice(0, -1);
      const prev = rest.at(-1);
      return r.ok && prev ? [...rest.slice(0, -1), { ...prev, after: r.value.revision }] : rest;
    });
    await reload();
  }, [undo, reload, setUndo]);

  return { plan, error, busy, run, undo, undoLast, reload, clearError: () => setError(null) };
}
