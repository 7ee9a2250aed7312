/**
 * The one rule for every write to a story on the newsroom hub: run by the app before it writes, and,
 * serialized with `toString()`, as the design document's `validate_doc_update` on the hub.
 *
 * Because the same function text runs in CouchDB's JavaScript engine, it must be self-contained: no
 * imports, no closures, no nested functions (bundlers wrap those with helpers the hub lacks), no
 * object spread; only the tables it is given. `hubRuleTables()` builds those from the workflow.
 */

/** The tables the rule reads: plain JSON, written into the design document as they are. */
export interface WriteRuleTables {
  /** CouchDB roles that pass every check. */
  admins: string[];
  /** Member roles, in the order a user holding several is judged by. */
  members: string[];
  /** Source of the story id pattern: the hub holds stories only. */
  storyId: string;
  /** "from>to" for every status path a role can walk with its own moves (self pairs included). */
  paths: Record<string, string[]>;
  /** Statuses from which a role may spike a story, and to which it may restore one. */
  spike: Record<string, string[]>;
  /** States a role can reach from nothing ("spiked<draft" for a spiked story and where it came from). */
  fromNothing: Record<string, string[]>;
  /** Leaf statuses whose leaf a role may end to resolve a conflict. */
  endable: Record<string, string[]>;
  /** Roles that may delete any story. */
  deleters: string[];
  /** The story fields each role may change. */
  fields: Record<string, string[]>;
  /** Fields that never change once written. */
  immutable: string[];
  /** The story's text (what a reader reads, and its track changes): judged by status below. */
  text: string[];
  /** Statuses (of the story before the write) in which a role may change its text. */
  textIn: Record<string, string[]>;
  /** Statuses in which a role may change the text only of a story it wrote. */
  ownText: Record<string, string[]>;
  /** Statuses out of which a role may move (spiking aside) only a story it wrote. */
  ownMoves: Record<string, string[]>;
  /** Signed-off statuses (签发, 上版): a text change by anyone but `signOff` must return the story to `reopenTo`. */
  reopen: string[];
  reopenTo: string;
  /** Roles whose text changes keep the sign-off (the chief editor signs off). */
  signOff: string[];
  /** Bookkeeping every write may change, or that the status checks judge on their own. */
  free: string[];
}

export interface HubUserCtx {
  name: string | null;
  roles: string[];
}

export type WriteVerdict = null | { forbidden: string } | { unauthorized: string };

type Doc = Record<string, unknown>;

/**
 * Judges one write. `oldDoc` is what CouchDB passes: the body of the nearest ancestor it still
 * stores on the written revision's path (a tombstone carries `_deleted`), or null when there is
 * none: a new story, an invented history, or one whose ancestors were compacted away.
 */
export function judgeStoryWrite(
  T: WriteRuleTables,
  newDoc: Doc,
  oldDoc: Doc | null,
  userCtx: HubUserCtx,
): WriteVerdict {
  const roles = userCtx && userCtx.roles ? userCtx.roles : [];
  for (let a = 0; a < T.admins.length; a++) if (roles.indexOf(T.admins[a]!) !== -1) return null;
  const id = String(newDoc._id);
  if (id.indexOf('_design/') === 0) return { forbidden: '只有管理员可以修改设计文档' };
  let role: string | null = null;
  for (let m = 0; m < T.members.length; m++) {
    if (roles.indexOf(T.members[m]!) !== -1) {
      role = T.members[m]!;
      break;
    }
  }
  if (role === null) return { forbidden: '不是本报编辑部成员' };
  if (!new RegExp(T.storyId).test(id)) return { forbidden: '中心库只收稿件，不收 ' + id };
  const name = userCtx.name;
  const live = oldDoc && !oldDoc._deleted ? oldDoc : null;

  if (newDoc._deleted) {
    // Every tombstone is signed, so a story whose leaves are all tombstones names who deleted it.
    if (newDoc.updatedBy !== name) return { forbidden: '删除或结束修订须署当前用户名 ' + name };
    // Ending a branch that shows nothing on any desk changes no desk's view.
    if (!live) return null;
    const into = newDoc.resolvedInto;
    if (typeof into === 'string' && into !== '' && into !== newDoc._rev) {
      if (T.endable[role]!.indexOf(String(live.status)) !== -1) return null;
      return { forbidden: role + ' 无权结束「' + String(live.status) + '」状态的修订' };
    }
    if (T.deleters.indexOf(role) !== -1) return null;
    if (live.createdBy === name && live.status === 'draft' && !live.firstSubmittedAt) return null;
    return { forbidden: role + ' 无权删除稿件（只有值班总编，或从未交稿的草稿的作者）' };
  }

  if (newDoc.updatedBy !== name) return { forbidden: 'updatedBy 须是当前用户 ' + name };
  if (newDoc.id !== id) return { forbidden: '稿件 id 须与文档 _id 相同' };
  const status = String(newDoc.status);
  const spikedFrom = newDoc.spikedFrom === undefined ? null : newDoc.spikedFrom;
  const fields = T.fields[role]!;

  if (!live) {
    // No stored ancestor: judged as a story this writer made alone.
    const state = status === 'spiked' ? 'spiked<' + String(spikedFrom) : status;
    if (status !== 'spiked' && spikedFrom !== null) return { forbidden: 'spikedFrom 只用于撤稿' };
    if (T.fromNothing[role]!.indexOf(state) === -1) {
      return { forbidden: role + ' 不能写入没有来历的「' + status + '」稿件（中心库找不到它的上一版）' };
    }
    if (newDoc.createdBy !== name) return { forbidden: '没有来历的稿件，createdBy 须是当前用户 ' + name };
    if (state !== 'draft' && state !== 'spiked<draft' && !newDoc.firstSubmittedAt) {
      return { forbidden: '已交稿的稿件须有 firstSubmittedAt' };
    }
    if (newDoc.placement !== null && newDoc.placement !== undefined && fields.indexOf('placement') === -1) {
      return { forbidden: role + ' 不能修改字段 placement' };
    }
    return null;
  }

  const was = String(live.status);
  const wasFrom = live.spikedFrom === undefined ? null : live.spikedFrom;
  const paths = T.paths[role]!;
  const spike = T.spike[role]!;
  let moved = true;
  if (status === 'spiked' && was === 'spiked') {
    moved =
      spikedFrom === wasFrom ||
      (spike.indexOf(String(wasFrom || 'draft')) !== -1 &&
        paths.indexOf(String(wasFrom || 'draft') + '>' + String(spikedFrom)) !== -1 &&
        spike.indexOf(String(spikedFrom)) !== -1);
  } else if (status === 'spiked') {
    moved = spike.indexOf(String(spikedFrom)) !== -1 && paths.indexOf(was + '>' + String(spikedFrom)) !== -1;
  } else if (was === 'spiked') {
    const back = String(wasFrom || 'draft');
    moved = spikedFrom === null && spike.indexOf(back) !== -1 && paths.indexOf(back + '>' + status) !== -1;
  } else {
    moved = spikedFrom === null && paths.indexOf(was + '>' + status) !== -1;
  }
  if (!moved) return { forbidden: role + ' 无权把稿件从 ' + was + ' 改为 ' + status };
  if (live.firstSubmittedAt && newDoc.firstSubmittedAt !== live.firstSubmittedAt) {
    return { forbidden: '不能修改 firstSubmittedAt' };
  }
  if (status === 'submitted' && was !== 'submitted' && !newDoc.firstSubmittedAt) {
    return { forbidden: '交稿须记下 firstSubmittedAt' };
  }

  // Whose story it is, and whether its text may change in the status it was in.
  let textKey: string | null = null;
  for (let t = 0; t < T.text.length; t++) {
    const k = T.text[t]!;
    // An absent list and an empty one are the same text (a desk writes `changes: []` where none were kept).
    const oldText =
      live[k] === undefined || (Array.isArray(live[k]) && (live[k] as unknown[]).length === 0) ? null : live[k];
    const newText =
      newDoc[k] === undefined || (Array.isArray(newDoc[k]) && (newDoc[k] as unknown[]).length === 0) ? null : newDoc[k];
    if (JSON.stringify(newText) !== JSON.stringify(oldText)) {
      textKey = k;
      break;
    }
  }
  if (live.createdBy !== name) {
    if (textKey !== null && T.ownText[role]!.indexOf(was) !== -1) {
      return { forbidden: role + ' 只能修改自己的稿件（此稿由 ' + String(live.createdBy) + ' 所写）' };
    }
    if (status !== was && status !== 'spiked' && T.ownMoves[role]!.indexOf(was) !== -1) {
      return { forbidden: role + ' 只能移交自己的稿件（此稿由 ' + String(live.createdBy) + ' 所写）' };
    }
  }
  if (textKey !== null) {
    if (T.textIn[role]!.indexOf(was) === -1) {
      return { forbidden: role + ' 不能在「' + was + '」状态修改 ' + textKey };
    }
    if (T.reopen.indexOf(was) !== -1 && T.signOff.indexOf(role) === -1 && status !== T.reopenTo) {
      return { forbidden: '稿件已签发（' + was + '），修改后须退回「' + T.reopenTo + '」重新签发' };
    }
  }

  const keys: Record<string, boolean> = {};
  for (const k in newDoc) keys[k] = true;
  for (const k in live) keys[k] = true;
  for (const key in keys) {
    if (key.charAt(0) === '_' && key !== '_attachments') continue;
    if (T.free.indexOf(key) !== -1) continue;
    const same = JSON.stringify(newDoc[key]) === JSON.stringify(live[key]);
    if (same) continue;
    if (T.immutable.indexOf(key) !== -1) return { forbidden: '不能修改 ' + key };
    if (fields.indexOf(key) === -1) return { forbidden: role + ' 不能修改字段 ' + key };
  }
  return null;
}
