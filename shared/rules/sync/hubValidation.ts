/**
 * Who may do what on the hub: the hub's roles, its `_security` object, the tables the story write
 * rule reads (built from the workflow the app enforces) and the design document's
 * `validate_doc_update`, which is that same rule function serialized, not a second copy of it.
 */
import { STATUSES, type ArticleStatus, type UserRole } from '../../model/status';
import { ARTICLE_ID_PATTERN } from '../../model/article';
import {
  HUB_MOVES,
  OWN_MOVES_FROM,
  OWN_TEXT_IN,
  REOPEN_TO,
  SIGNED_OFF,
  SIGNS_OFF,
  SPIKE_FROM,
  STORY_TEXT_FIELDS,
  TEXT_IN,
} from '../workflow';
import { judgeStoryWrite, type WriteRuleTables } from './storyWriteRule';
import { issuePlanRefusal, ISSUE_PLAN_ID_PREFIX } from './issuePlanRule';
import { stylebookRefusal, STYLEBOOK_DOC_ID } from './stylebookRule';

/** CouchDB role names (the app's role ids with `_`, as CouchDB role names conventionally are). */
export const HUB_MEMBER_ROLES = ['reporter', 'copy_editor', 'chief_editor', 'layout'] as const;
export type HubMemberRole = (typeof HUB_MEMBER_ROLES)[number];
export const HUB_ADMIN_ROLE = 'desk_admin';
export type HubRole = HubMemberRole | typeof HUB_ADMIN_ROLE;
export const HUB_ROLES: readonly HubRole[] = [...HUB_MEMBER_ROLES, HUB_ADMIN_ROLE];

export function hubRoleOf(role: UserRole): HubMemberRole {
  return role.replace('-', '_') as HubMemberRole;
}

export function appRoleOf(role: HubMemberRole): UserRole {
  return role.replace('_', '-') as UserRole;
}

/**
 * The app's role for a hub session's roles: the first member role held, in the hub's order;
 * admins act as the chief editor in the app (the hub lets them pass every check). Null: not a member.
 */
export function appRoleOfSession(roles: readonly string[]): UserRole | null {
  if (roles.includes('_admin') || roles.includes(HUB_ADMIN_ROLE)) return 'chief-editor';
  const member = HUB_MEMBER_ROLES.find((r) => roles.includes(r));
  return member ? appRoleOf(member) : null;
}

export const HUB_SECURITY = {
  admins: { names: [] as string[], roles: [HUB_ADMIN_ROLE] },
  members: { names: [] as string[], roles: [...HUB_MEMBER_ROLES] },
};

/**
 * The story's text fields, with the track changes that travel with them (the change table moves with
 * every suggestion made, accepted or rejected): which role may change them in which status is judged
 * by the text tables (TEXT_IN, OWN_TEXT_IN, the reopening after sign-off). Anyone on the story may comment.
 */
const TEXT_FIELDS: readonly string[] = STORY_TEXT_FIELDS;

/**
 * The story fields each role may change; status moves are checked against the workflow instead.
 * Layout may cut the text of a story it placed only as far as the text tables allow: it then goes
 * back to edited for the chief editor to approve again.
 */
export const FIELDS_BY_ROLE: Record<HubMemberRole, readonly string[]> = {
  reporter: [...TEXT_FIELDS, 'comments', 'deskNote'],
  copy_editor: [...TEXT_FIELDS, 'comments', 'deskNote'],
  chief_editor: [...TEXT_FIELDS, 'comments', 'deskNote', 'placement'],
  layout: [...TEXT_FIELDS, 'placement', 'deskNote', 'comments'],
};

/** Bookkeeping every write may change, and fields the status checks judge on their own. */
const FREE_FIELDS = ['updatedAt', 'updatedBy', 'status', 'spikedFrom', 'firstSubmittedAt', '_attachments'];
const IMMUTABLE_FIELDS = ['id', 'createdAt', 'createdBy'];

/** Every status path a role can walk with its own moves: one desk may push several moves at once. */
function pathsOf(role: UserRole): Set<string> {
  const out = new Set<string>();
  for (const from of STATUSES) {
    const seen = new Set<ArticleStatus>([from]);
    const queue: ArticleStatus[] = [from];
    while (queue.length > 0) {
      const at = queue.shift()!;
      out.add(`${from}>${at}`);
      for (const [f, t] of HUB_MOVES[role]) {
        if (f === at && !seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
  }
  return out;
}

/** States a role can reach from a new draft of its own: what it may write with no stored ancestor. */
function fromNothingOf(role: UserRole, paths: Set<string>): string[] {
  const live = STATUSES.filter((s) => s !== 'spiked' && paths.has(`draft>${s}`));
  const spiked = live.filter((s) => SPIKE_FROM[role].includes(s)).map((s) => `spiked<${s}`);
  return [...live, ...spiked];
}

export function hubRuleTables(): WriteRuleTables {
  const t: WriteRuleTables = {
    admins: ['_admin', HUB_ADMIN_ROLE],
    members: [...HUB_MEMBER_ROLES],
    storyId: ARTICLE_ID_PATTERN.source,
    paths: {},
    spike: {},
    fromNothing: {},
    endable: {},
    deleters: ['chief_editor'],
    fields: {},
    immutable: IMMUTABLE_FIELDS,
    free: FREE_FIELDS,
    text: [...TEXT_FIELDS],
    textIn: {},
    ownText: {},
    ownMoves: {},
    reopen: [...SIGNED_OFF],
    reopenTo: REOPEN_TO,
    signOff: [hubRoleOf(SIGNS_OFF)],
  };
  for (const hubRole of HUB_MEMBER_ROLES) {
    const role = appRoleOf(hubRole);
    const paths = pathsOf(role);
    const fromNothing = fromNothingOf(role, paths);
    const spike = [...SPIKE_FROM[role]];
    t.paths[hubRole] = [...paths].sort();
    t.spike[hubRole] = spike;
    t.fromNothing[hubRole] = fromNothing;
    // A leaf may be ended by whoever may change that leaf's state.
    const endable = new Set<string>(fromNothing.filter((s) => !s.startsWith('spiked<')));
    for (const [f] of HUB_MOVES[role]) endable.add(f);
    for (const s of spike) endable.add(s);
    if (spike.length > 0) endable.add('spiked');
    t.endable[hubRole] = STATUSES.filter((s) => endable.has(s));
    t.fields[hubRole] = [...FIELDS_BY_ROLE[hubRole]];
    t.textIn[hubRole] = [...TEXT_IN[role]];
    t.ownText[hubRole] = [...OWN_TEXT_IN[role]];
    t.ownMoves[hubRole] = [...OWN_MOVES_FROM[role]];
  }
  return t;
}

/**
 * The design document's validation function as CouchDB runs it: the tables as JSON and the rule
 * function's own text. CouchDB calls it with (newDoc, oldDoc, userCtx, secObj); a verdict is thrown.
 */
export function validateDocUpdateSource(): string {
  // Issue plans have their own rule (layout and the chief editor write them), so has the style book
  // (the chief editor writes it); admins pass every rule.
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var T = ${JSON.stringify(hubRuleTables())};
  if (newDoc._id.indexOf(${JSON.stringify(ISSUE_PLAN_ID_PREFIX)}) === 0) {
    var roles = userCtx.roles || [];
    for (var a = 0; a < T.admins.length; a++) if (roles.indexOf(T.admins[a]) !== -1) return;
    var planRefusal = (${issuePlanRefusal.toString()})(newDoc._id, roles);
    if (planRefusal) throw({ forbidden: planRefusal });
    return;
  }
  if (newDoc._id === ${JSON.stringify(STYLEBOOK_DOC_ID)}) {
    var bookRoles = userCtx.roles || [];
    for (var b = 0; b < T.admins.length; b++) if (bookRoles.indexOf(T.admins[b]) !== -1) return;
    var bookRefusal = (${stylebookRefusal.toString()})(newDoc._id, bookRoles);
    if (bookRefusal) throw({ forbidden: bookRefusal });
    return;
  }
  var judge = ${judgeStoryWrite.toString()};
  var verdict = judge(T, newDoc, oldDoc, userCtx);
  if (verdict) throw verdict;
}`;
}

export const HUB_DESIGN_ID = '_design/newsdesk';
