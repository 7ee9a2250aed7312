/**
 * The hub's rule run on this desk before a write: with a hub configured, an edit the hub would
 * refuse is refused here at once, in the same words, instead of being written and refused later.
 */
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { Article } from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import { revisionsOf } from '../revisionTree/revTree';
import { deskIdentity, type Settings } from '../../../shared/model/settings';
import { hubRoleOf, hubRuleTables } from '../../../shared/rules/sync/hubValidation';
import { judgeStoryWrite, type WriteVerdict } from '../../../shared/rules/sync/storyWriteRule';
import { editRefusal, settleEdit, textChanged } from '../../../shared/rules/workflow';

const TABLES = hubRuleTables();

/** A story as the hub's rule sees it: the document body, without this desk's save counter. */
export function hubDocOf(a: Article): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...a, _id: a.id };
  delete doc.revision;
  return doc;
}

export function verdictReason(v: NonNullable<WriteVerdict>): string {
  return 'forbidden' in v ? v.forbidden : v.unauthorized;
}

/**
 * Refuses a conflict resolution the hub would refuse: the merged story as an edit of the winner,
 * and each tombstone as the end of the leaf it closes, named into the merged leaf.
 */
export function checkResolutionForHub(settings: Settings, before: StoredArticle, resolved: StoredArticle): void {
  const who = deskIdentity(settings);
  if (!who.fromHub || !resolved._revTree) return;
  const ctx = { name: who.name, roles: [hubRoleOf(who.role)] };
  const refuse = (v: WriteVerdict) => {
    if (v) throw new NewsdeskError('forbidden', `中心库不会接受这次合并：${verdictReason(v)}`);
  };
  refuse(judgeStoryWrite(TABLES, hubDocOf(articleOnly(resolved)), hubDocOf(articleOnly(before)), ctx));
  for (const [rev, said] of Object.entries(resolved._tombstones ?? {})) {
    const path = revisionsOf(resolved._revTree, rev);
    const loser = before._leaves?.[`${path.start - 1}-${path.ids[1]}`];
    if (!loser) continue;
    refuse(
      judgeStoryWrite(
        TABLES,
        { ...said, _id: before.id, _rev: rev, _deleted: true },
        { ...loser, _id: before.id },
        ctx,
      ),
    );
  }
}

/**
 * Settles and judges an edit by this desk's user: a text change after sign-off goes back to edited
 * (settleEdit), and an edit the hub would refuse from this user is refused (`forbidden`). With a hub,
 * every edit is judged; without one, text changes are (who may edit which story's text is the
 * workflow's rule, the same tables the hub runs), while the page plan stays open to every role as
 * before. A save that restores a story deleted on the hub is judged as the hub will judge it: on top
 * of a tombstone.
 */
export function checkEditForHub(settings: Settings, before: Article, after: Article, beforeDeleted = false): Article {
  const who = deskIdentity(settings);
  const settled = beforeDeleted ? after : settleEdit(before, after, who.role);
  if (!who.fromHub && !textChanged(before, settled)) return settled;
  const old = beforeDeleted ? { _id: before.id, _deleted: true } : hubDocOf(before);
  // With a hub every write is signed with its session's name. Without one, it is judged as this desk's
  // user's (the name and role chosen in settings), which is who the app, the CLI and the host write as.
  const judged = who.fromHub ? settled : { ...settled, updatedBy: who.name };
  const verdict = judgeStoryWrite(TABLES, hubDocOf(judged), old, {
    name: who.name,
    roles: [hubRoleOf(who.role)],
  });
  if (!verdict) return settled;
  if (who.fromHub) throw new NewsdeskError('forbidden', `中心库不会接受这次修改：${verdictReason(verdict)}`);
  // The same refusal in the workflow's words where it has them (whose draft, which status).
  throw new NewsdeskError('forbidden', editRefusal(before, who.role, who.name) ?? verdictReason(verdict));
}

/** The merged story of a conflict resolution as this desk writes it: reopened like any edit after sign-off. */
export function settleResolution(settings: Settings, before: Article, merged: Article): Article {
  return settleEdit(before, merged, deskIdentity(settings).role);
}
