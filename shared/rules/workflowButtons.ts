/**
 * Which workflow moves the story screen offers as buttons: the moves the role may make, less a return that
 * would land the story on the mover's own desk (a copy editor is not offered 退回编辑, "back to the copy desk").
 */
import type { Article } from '../model/article';
import type { ArticleStatus, UserRole } from '../model/status';
import { allowedTransitions } from './workflow';

/** Whose desk a story waits on in a status a return can send it to. */
const WAITS_ON: Partial<Record<ArticleStatus, UserRole>> = {
  draft: 'reporter',
  submitted: 'copy-editor',
};

/** Forward moves: anything else the workflow allows is a return. */
export const FORWARD: Partial<Record<ArticleStatus, ArticleStatus>> = {
  draft: 'submitted',
  submitted: 'edited',
  edited: 'approved',
  approved: 'placed',
};

export function workflowButtons(a: Article, role: UserRole, name: string): ArticleStatus[] {
  return allowedTransitions(a, role, name).filter((to) => FORWARD[a.status] === to || WAITS_ON[to] !== role);
}
