/**
 * Who may do what on the hub: the hub's roles, its `_security` object and the source of
 * the design document's `validate_doc_update`, generated from the same workflow table the app
 * enforces, so a desk that skipped the app's checks is still refused by the hub.
 */
import type { UserRole } from '../../model/status';
import { ROLE_MOVES } from '../workflow';
import { issuePlanRefusal } from './issuePlanRule';

/** CouchDB role names (the app's role ids with `_`, as CouchDB role names conventionally are). */
export const HUB_MEMBER_ROLES = ['reporter', 'copy_editor', 'chief_editor', 'layout'] as const;
export const HUB_ADMIN_ROLE = 'desk_admin';
export type HubRole = (typeof HUB_MEMBER_ROLES)[number] | typeof HUB_ADMIN_ROLE;
export const HUB_ROLES: readonly HubRole[] = [...HUB_MEMBER_ROLES, HUB_ADMIN_ROLE];

export function hubRoleOf(role: UserRole): HubRole {
  return role.replace('-', '_') as HubRole;
}

export const HUB_SECURITY = {
  admins: { names: [] as string[], roles: [HUB_ADMIN_ROLE] },
  members: { names: [] as string[], roles: [...HUB_MEMBER_ROLES] },
};

/** The story's text fields: what reporters and copy editors write. */
const TEXT_FIELDS = ['kind', 'kicker', 'headline', 'subheadline', 'source', 'bylines', 'correspondents', 'body'];
/**
 * Track changes travel with the text: the change table moves with every suggestion made,
 * accepted or rejected; anyone on the story may comment, layout included.
 */
const REVIEW_FIELDS = ['changes', 'comments'];

/** The story fields each role may change; status moves are checked against the workflow instead. */
export const FIELDS_BY_ROLE: Record<(typeof HUB_MEMBER_ROLES)[number], readonly string[]> = {
  reporter: [...TEXT_FIELDS, ...REVIEW_FIELDS, 'deskNote'],
  copy_editor: [...TEXT_FIELDS, ...REVIEW_FIELDS, 'deskNote'],
  chief_editor: [...TEXT_FIELDS, ...REVIEW_FIELDS, 'deskNote', 'placement'],
  layout: ['placement', 'deskNote', 'comments'],
};

/** Fields nobody edits by hand: bookkeeping every save changes. */
const FREE_FIELDS = ['updatedAt', 'updatedBy', 'status', 'spikedFrom', '_revisions', '_attachments'];

function movesByHubRole(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [role, moves] of Object.entries(ROLE_MOVES)) {
    out[hubRoleOf(role as UserRole)] = moves.map(([from, to]) => `${from}>${to}`);
  }
  return out;
}

/**
 * The design document's validation function as CouchDB runs it (plain ES5, no imports). It is
 * data-driven: the tables above are written into it as JSON.
 */
export function validateDocUpdateSource(): string {
  const tables = {
    members: HUB_MEMBER_ROLES,
    moves: movesByHubRole(),
    fields: FIELDS_BY_ROLE,
    free: FREE_FIELDS,
  };
  return `function (newDoc, oldDoc, userCtx) {
  var T = ${JSON.stringify(tables)};
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1 || roles.indexOf('${HUB_ADMIN_ROLE}') !== -1) return;
  if (newDoc._id.indexOf('_design/') === 0) throw({ forbidden: '只有管理员可以修改设计文档' });
  var role = null;
  for (var i = 0; i < T.members.length; i++) if (roles.indexOf(T.members[i]) !== -1) { role = T.members[i]; break; }
  if (!role) throw({ forbidden: '不是本报编辑部成员' });
  var planRefusal = (${issuePlanRefusal.toString()})(newDoc._id, roles);
  if (planRefusal) throw({ forbidden: planRefusal });
  if (newDoc._id.indexOf('i-') === 0) return;
  if (newDoc._deleted) return;
  if (!oldDoc || oldDoc._deleted) {
    if (newDoc.status !== 'draft' && role !== 'copy_editor' && role !== 'chief_editor') throw({ forbidden: '新稿件只能是草稿' });
    return;
  }
  if (newDoc.status !== oldDoc.status) {
    var move = oldDoc.status + '>' + newDoc.status;
    var spike = newDoc.status === 'spiked' || oldDoc.status === 'spiked';
    var allowed = spike ? (role !== 'layout' && (role !== 'reporter' || oldDoc.status === 'draft' || newDoc.status === 'draft')) : (T.moves[role] || []).indexOf(move) !== -1;
    if (!allowed) throw({ forbidden: role + ' 无权把稿件从 ' + oldDoc.status + ' 改为 ' + newDoc.status });
  }
  var mine = T.fields[role];
  var keys = {};
  for (var k in newDoc) keys[k] = true;
  for (var k2 in oldDoc) keys[k2] = true;
  for (var key in keys) {
    if (key.charAt(0) === '_' && key !== '_attachments') continue;
    if (T.free.indexOf(key) !== -1 || mine.indexOf(key) !== -1) continue;
    if (key === 'id' || key === 'createdAt' || key === 'createdBy' || key === 'revision') {
      if (JSON.stringify(newDoc[key]) !== JSON.stringify(oldDoc[key])) throw({ forbidden: '不能修改 ' + key });
      continue;
    }
    if (JSON.stringify(newDoc[key]) !== JSON.stringify(oldDoc[key])) throw({ forbidden: role + ' 不能修改字段 ' + key });
  }
}`;
}

export const HUB_DESIGN_ID = '_design/newsdesk';
