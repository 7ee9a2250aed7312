/**
 * Who may move a story where, and what the story must have first. Enforced in main
 * (the UI only mirrors it), so a refused move always says why.
 */
import type { Article } from '../model/article';
import { canTransition, type ArticleStatus, type UserRole } from '../model/status';
import { missingItemZh, missingItems, moveRefusalZh, type MoveRefusal } from './moveRefusal';

/** A refusal carries its reason twice: as data for the UI's words, and in Chinese for the CLI and logs. */
export type TransitionVerdict = { ok: true } | { ok: false; reason: string; refusal: MoveRefusal };

function refuse(refusal: MoveRefusal): TransitionVerdict {
  return { ok: false, reason: moveRefusalZh(refusal), refusal };
}

/** Moves each role may make, as [from, to] pairs; spiking and restoring are listed apart. */
export const ROLE_MOVES: Record<UserRole, ReadonlyArray<readonly [ArticleStatus, ArticleStatus]>> = {
  reporter: [['draft', 'submitted']],
  'copy-editor': [
    ['submitted', 'edited'],
    ['submitted', 'draft'],
    ['edited', 'submitted'],
    ['edited', 'draft'],
  ],
  'chief-editor': [
    ['edited', 'approved'],
    ['edited', 'submitted'],
    ['edited', 'draft'],
    ['approved', 'edited'],
  ],
  layout: [
    ['approved', 'placed'],
    ['placed', 'approved'],
  ],
};

/**
 * Moves the app makes on its own as a consequence of a person's move: approving a story already in
 * the page plan places it, and whoever edits the plan (layout, the chief editor) places and
 * unplaces approved stories. The hub must accept these as it accepts the listed moves.
 */
export const SYSTEM_MOVES: Record<UserRole, ReadonlyArray<readonly [ArticleStatus, ArticleStatus]>> = {
  reporter: [],
  'copy-editor': [],
  'chief-editor': [
    ['edited', 'placed'],
    ['approved', 'placed'],
    ['placed', 'approved'],
  ],
  layout: [],
};

/** Every status move a role's desk can write, by hand or by the app: what the hub accepts. */
export const HUB_MOVES: Record<UserRole, ReadonlyArray<readonly [ArticleStatus, ArticleStatus]>> = {
  reporter: [...ROLE_MOVES.reporter, ...SYSTEM_MOVES.reporter],
  'copy-editor': [...ROLE_MOVES['copy-editor'], ...SYSTEM_MOVES['copy-editor']],
  'chief-editor': [...ROLE_MOVES['chief-editor'], ...SYSTEM_MOVES['chief-editor']],
  layout: [...ROLE_MOVES.layout, ...SYSTEM_MOVES.layout],
};

/** The statuses from which a role may spike a story (and to which it may restore one): reporters their drafts, desks anything. */
export const SPIKE_FROM: Record<UserRole, readonly ArticleStatus[]> = {
  reporter: ['draft'],
  'copy-editor': ['draft', 'submitted', 'edited', 'approved', 'placed'],
  'chief-editor': ['draft', 'submitted', 'edited', 'approved', 'placed'],
  layout: [],
};

function maySpike(role: UserRole, from: ArticleStatus): boolean {
  return SPIKE_FROM[role].includes(from);
}

/** The content a status needs before a story may enter it, in Chinese; null when nothing is missing. */
export function missingForStatus(a: Article, to: ArticleStatus): string | null {
  const items = missingItems(a, to);
  return items.length === 0 ? null : items.map(missingItemZh).join('；');
}

export function checkTransition(a: Article, to: ArticleStatus | 'restored', role: UserRole): TransitionVerdict {
  const from = a.status;
  if (to === 'spiked' || to === 'restored') {
    if (to === 'restored' && from !== 'spiked') return refuse({ kind: 'not_spiked' });
    if (to === 'spiked' && from === 'spiked') return refuse({ kind: 'already_spiked' });
    const judged = to === 'restored' ? (a.spikedFrom ?? 'draft') : from;
    return maySpike(role, judged) ? { ok: true } : refuse({ kind: 'spike', role, restore: to === 'restored' });
  }
  if (!canTransition(from, to)) return refuse({ kind: 'not_in_workflow', from, to });
  if (!ROLE_MOVES[role].some(([f, t]) => f === from && t === to)) return refuse({ kind: 'role', role, from, to });
  const items = missingItems(a, to);
  return items.length > 0 ? refuse({ kind: 'missing', to, items }) : { ok: true };
}

/**
 * The story after an allowed move, as the app writes it: spike and restore keep where the story
 * was, approving a story already in the page plan places it, and the first submission is dated.
 * `note` (a return's reason) is added to the desk note signed by `actor`.
 */
export function applyTransition(
  a: Article,
  to: ArticleStatus | 'restored',
  actor: string,
  at: string,
  note?: string,
): Article {
  const trimmed = note?.trim();
  const deskNote = trimmed ? `${a.deskNote ? `${a.deskNote}\n` : ''}[${actor}] ${trimmed}` : a.deskNote;
  if (to === 'spiked') return { ...a, status: 'spiked', spikedFrom: a.status, deskNote };
  if (to === 'restored') return { ...a, status: a.spikedFrom ?? 'draft', spikedFrom: null, deskNote };
  if (to === 'approved' && a.placement) return { ...a, status: 'placed', deskNote };
  if (to === 'submitted' && !a.firstSubmittedAt) return { ...a, status: to, firstSubmittedAt: at, deskNote };
  return { ...a, status: to, deskNote };
}

/**
 * The story once the page plan puts it in a slot or takes it out: an approved story placed
 * becomes placed, a placed one taken out goes back to approved; other statuses keep theirs.
 */
export function applyPlacement(a: Article, placement: Article['placement']): Article {
  const status =
    placement && a.status === 'approved' ? 'placed' : !placement && a.status === 'placed' ? 'approved' : a.status;
  return { ...a, placement, status };
}

/** The statuses a role may move this story to now, for the UI's buttons. */
export function allowedTransitions(a: Article, role: UserRole): ArticleStatus[] {
  if (a.status === 'spiked') return [];
  return ROLE_MOVES[role].filter(([f]) => f === a.status).map(([, t]) => t);
}
