/**
 * Stories written on this desk before it had a hub account are signed with the name set in
 * settings; the hub wants its account's name on every write, so it would refuse them forever and
 * the desk's own check would lock their author out of them. The first time the hub names the
 * person, those that never reached the hub are signed again with that name, as a new revision.
 */
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import { localEdit, withSyncFields } from '../revisionTree/articleDoc';
import { revisionsOf } from '../revisionTree/revTree';
import type { ArticleStore } from '../store/articleStore';
import type { HubClient } from './hubClient';

/** The first revision on the path to the winner: a story the hub never saw lacks it. */
function rootOf(stored: StoredArticle): { winner: string; root: string } {
  const synced = withSyncFields(stored);
  const path = revisionsOf(synced._revTree, synced._rev);
  return { winner: synced._rev, root: `${path.start - path.ids.length + 1}-${path.ids[path.ids.length - 1]}` };
}

/** Returns the ids signed again. Only stories created and last saved by `localName`, unknown to the hub, without conflicts. */
export async function adoptLocalWork(
  store: ArticleStore,
  hub: HubClient,
  localName: string,
  hubName: string,
  now: Date,
): Promise<string[]> {
  if (!localName || localName === hubName) return [];
  const candidates = new Map<string, { rev: string; revs: string[] }>();
  for (const id of store.ids()) {
    if (store.summary(id)?.updatedBy !== localName) continue;
    const stored = await store.getStored(id).catch(() => null);
    if (!stored || stored.createdBy !== localName || Object.keys(stored._leaves ?? {}).length > 0) continue;
    const { winner, root } = rootOf(stored);
    candidates.set(id, { rev: winner, revs: [...new Set([winner, root])] });
  }
  if (candidates.size === 0) return [];
  const diff = await hub.revsDiff(Object.fromEntries([...candidates].map(([id, c]) => [id, c.revs])));
  const adopted: string[] = [];
  for (const [id, c] of candidates) {
    // Any of its revisions on the hub: it reached the hub under some name already; not ours to re-sign.
    const missing = new Set(diff[id]?.missing ?? []);
    if (!c.revs.every((rev) => missing.has(rev))) continue;
    const written = await store.writeSynced(id, (current) => {
      // Changed since it was looked at: left for the next sign-in rather than judged again here.
      if (!current || current._rev !== c.rev || current.createdBy !== localName) return null;
      const next = {
        ...articleOnly(current),
        createdBy: hubName,
        updatedBy: hubName,
        updatedAt: now.toISOString(),
        revision: current.revision + 1,
      };
      return { stored: localEdit(current, next), notify: true, local: true };
    });
    if (written) adopted.push(id);
  }
  return adopted;
}
