/** The story workflow: which status may follow which, and who may move a story there. */
import { z } from 'zod';

export const STATUSES = ['draft', 'submitted', 'edited', 'approved', 'placed', 'spiked'] as const;
export const StatusSchema = z.enum(STATUSES);
export type ArticleStatus = z.infer<typeof StatusSchema>;

export const ROLES = ['reporter', 'copy-editor', 'chief-editor', 'layout'] as const;
export const RoleSchema = z.enum(ROLES);
export type UserRole = z.infer<typeof RoleSchema>;

/** Forward moves and returns. Spiking is allowed from any live status; restore returns to where it was. */
export const TRANSITIONS: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['submitted', 'spiked'],
  submitted: ['edited', 'draft', 'spiked'],
  edited: ['approved', 'submitted', 'draft', 'spiked'],
  approved: ['placed', 'edited', 'spiked'],
  placed: ['approved', 'spiked'],
  spiked: [],
};

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
