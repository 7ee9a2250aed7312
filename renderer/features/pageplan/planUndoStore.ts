/**
 * The flatplan's undo steps per issue date, kept for the page's life outside the screen: leaving the plan
 * for a proof or a story and coming back finds the same 撤销 (a reload starts afresh, as the revisions are
 * checked again anyway).
 */
import type { IssueContent } from '../../../shared/model/issue';

export interface UndoStep {
  before: IssueContent;
  /** The plan revision the step produced: undo is refused (conflict) if anyone saved since. */
  after: number;
  label: string;
}

const byDate = new Map<string, UndoStep[]>();

export function undoStepsFor(date: string | null): UndoStep[] {
  return (date && byDate.get(date)) || [];
}

export function keepUndoSteps(date: string | null, steps: UndoStep[]): void {
  if (date) byDate.set(date, steps);
}
