/**
 * Who may move a story where, and what the story must have first. Enforced in main
 * (the UI only mirrors it), so a refused move always says why.
 */
import type { Article } from '../model/article';
import { canTransition, type ArticleStatus, type UserRole } from '../model/status';
import { ROLE_ZH as ROLE_LABEL, missingItemZh, missingItems, moveRefusalZh, type MoveRefusal } from './moveRefusal';

/** A refusal carries its reason twice: as data for the UI's words, and in Chinese for the CLI and logs. */
export type TransitionVerdict = { ok: true } | { ok: false; reason: string; refusal: MoveRefusal };

function refuse(refusal: MoveRefusal): TransitionVerdict {
  return { ok: false, reason: moveRefusalZh(refusal), refusal };
}

const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: '草稿',
  submitted: '已交稿',
  edited: '已编辑',
  approved: '已签发',
  placed: '已上版',
  spiked: '已撤稿',
};

/** Moves each role may make, as [from, to] pairs; spiking and restoring are listed apart. */
export const ROLE_MOVES: Record<UserRole, ReadonlyArray<readonly [ArticleStatus, ArticleStatus]>> = {
  reporter: [['draft', 'submitted']],
  // The copy desk sends on copy it imported itself (own drafts only, see OWN_MOVES_FROM).
  'copy-editor': [
    ['draft', 'submitted'],
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
  // A text change after sign-off takes the story back to edited (settleEdit): it must be approved again.
  'copy-editor': [
    ['approved', 'edited'],
    ['placed', 'edited'],
  ],
  'chief-editor': [
    ['edited', 'placed'],
    ['approved', 'placed'],
    ['placed', 'approved'],
  ],
  layout: [
    ['approved', 'edited'],
    ['placed', 'edited'],
  ],
};

/** The story's text: what a reader reads and its track changes. A change to any of these is an edit of the copy. */
export const STORY_TEXT_FIELDS = [
  'kind',
  'kicker',
  'headline',
  'subheadline',
  'source',
  'bylines',
  'correspondents',
  'body',
  'changes',
  // The header fields' pending suggestions (留痕 on 引题/主题/副题, source, credits) are text too.
  'tracked',
] as const;

/** The statuses in which each role may change a story's text (layout: only to cut placed copy, which reopens it). */
export const TEXT_IN: Record<UserRole, readonly ArticleStatus[]> = {
  reporter: ['draft'],
  'copy-editor': ['draft', 'submitted', 'edited', 'approved', 'placed', 'spiked'],
  'chief-editor': ['draft', 'submitted', 'edited', 'approved', 'placed', 'spiked'],
  layout: ['edited', 'approved', 'placed'],
};

/** Statuses in which a role edits the text of only the stories it wrote: a reporter's draft is hers alone. */
export const OWN_TEXT_IN: Record<UserRole, readonly ArticleStatus[]> = {
  reporter: ['draft'],
  'copy-editor': [],
  'chief-editor': [],
  layout: [],
};

/**
 * Statuses out of which a role moves (spiking aside) only the stories it wrote: a reporter submits only
 * her own drafts, and the copy desk sends on only copy it imported itself (a reporter's draft is hers to submit).
 */
export const OWN_MOVES_FROM: Record<UserRole, readonly ArticleStatus[]> = {
  reporter: ['draft'],
  'copy-editor': ['draft'],
  'chief-editor': [],
  layout: [],
};

/** Signed-off statuses: a text change by anyone but the chief editor takes the story back to REOPEN_TO. */
export const SIGNED_OFF: readonly ArticleStatus[] = ['approved', 'placed'];
export const REOPEN_TO: ArticleStatus = 'edited';
export const SIGNS_OFF: UserRole = 'chief-editor';

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

/** Whether `name` in `role` may change this story's text now (the UI's read-only state mirrors it). */
export function mayEditText(a: Article, role: UserRole, name: string): boolean {
  return editBlock(a, role, name) === null;
}

/** Why `name` in `role` may not change this story's text now (its status, or whose it is), or null. */
export type EditBlock = { reason: 'status' } | { reason: 'owner'; owner: string };

export function editBlock(a: Article, role: UserRole, name: string): EditBlock | null {
  if (!TEXT_IN[role].includes(a.status)) return { reason: 'status' };
  if (OWN_TEXT_IN[role].includes(a.status) && a.createdBy !== name) return { reason: 'owner', owner: a.createdBy };
  return null;
}

/** The same, in the newsroom's words (main's refusals). */
export function editRefusal(a: Article, role: UserRole, name: string): string | null {
  const block = editBlock(a, role, name);
  if (!block) return null;
  return block.reason === 'status'
    ? `${ROLE_LABEL[role]}不能修改${STATUS_LABEL[a.status]}的稿件`
    : `${ROLE_LABEL[role]}只能修改自己的稿件（此稿由 ${block.owner} 所写）`;
}

/** A field's value as the text comparison reads it: an absent list is an empty one (as the hub's rule reads it). */
function textValue(v: unknown): string {
  return JSON.stringify(v === undefined || (Array.isArray(v) && v.length === 0) ? null : v);
}

/** Whether the text (STORY_TEXT_FIELDS) differs between two versions of a story. */
export function textChanged(before: Article, after: Article): boolean {
  return STORY_TEXT_FIELDS.some((k) => textValue(before[k]) !== textValue(after[k]));
}

/**
 * The story as written after an edit: a text change to a signed-off (approved or placed) story by
 * anyone but the chief editor takes it back to edited, so it cannot be exported until approved again.
 * The placement stays: re-approving a placed story places it again (applyTransition).
 */
export function settleEdit(before: Article, after: Article, role: UserRole): Article {
  if (role === SIGNS_OFF || !SIGNED_OFF.includes(before.status) || after.status !== before.status) return after;
  return textChanged(before, after) ? { ...after, status: REOPEN_TO } : after;
}

/** Whether a signed-off story's text change by this role would take it back to edited (the editor's notice). */
export function editReopens(a: Article, role: UserRole): boolean {
  return role !== SIGNS_OFF && SIGNED_OFF.includes(a.status);
}

function ownsMove(a: Article, role: UserRole, name: string): boolean {
  return !OWN_MOVES_FROM[role].includes(a.status) || a.createdBy === name;
}

/**
 * Whether `name` in `role` may move the story to `to`, and if not why. `name` is who asks: a
 * reporter (and the copy desk for copy it imported) sends on only its own drafts.
 */
export function checkTransition(
  a: Article,
  to: ArticleStatus | 'restored',
  role: UserRole,
  name: string,
): TransitionVerdict {
  const from = a.status;
  if (to === 'spiked' || to === 'restored') {
    if (to === 'restored' && from !== 'spiked') return refuse({ kind: 'not_spiked' });
    if (to === 'spiked' && from === 'spiked') return refuse({ kind: 'already_spiked' });
    const judged = to === 'restored' ? (a.spikedFrom ?? 'draft') : from;
    return maySpike(role, judged) ? { ok: true } : refuse({ kind: 'spike', role, restore: to === 'restored' });
  }
  if (!canTransition(from, to)) return refuse({ kind: 'not_in_workflow', from, to });
  if (!ROLE_MOVES[role].some(([f, t]) => f === from && t === to)) return refuse({ kind: 'role', role, from, to });
  if (!ownsMove(a, role, name)) return refuse({ kind: 'not_own', role, owner: a.createdBy });
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
export function allowedTransitions(a: Article, role: UserRole, name: string): ArticleStatus[] {
  if (a.status === 'spiked' || !ownsMove(a, role, name)) return [];
  return ROLE_MOVES[role].filter(([f]) => f === a.status).map(([, t]) => t);
}
