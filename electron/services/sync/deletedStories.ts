/**
 * Stories deleted on the hub (every leaf a tombstone): out of the desk's index, but their stored version
 * (own file or story-pack entry) and history stay. Listed here with who deleted them and when, so a person can find and restore one.
 */
import type { ArticleKind } from '../../../shared/model/article';
import type { ArticleStatus } from '../../../shared/model/status';
import { deletionOf } from '../../../shared/model/syncFields';
import type { ArticleStore } from '../store/articleStore';

export interface DeletedStory {
  id: string;
  kind: ArticleKind;
  headline: string;
  /** The status of the last live version (what a restore brings back, out of the page plan). */
  status: ArticleStatus;
  revision: number;
  /** The signer of the latest tombstone; empty when the tombstones say nothing. */
  deletedBy: string;
  deletedAt: string;
}

/**
 * Reads only stories the index does not list (a deleted story is the one kind of readable story it
 * leaves out), so a store of many thousand stories is not read whole. Newest deletion first.
 */
export async function deletedStories(store: ArticleStore): Promise<DeletedStory[]> {
  const out: DeletedStory[] = [];
  // Own files and story-pack entries alike: a deletion pulled in a batch lives in a pack.
  for (const id of await store.storedIds()) {
    if (store.summary(id)) continue;
    // A file being replaced or gone since the listing, or unreadable: not a deleted story to list.
    const stored = await store.getStored(id).catch(() => null);
    const deletion = stored && deletionOf(stored);
    if (!stored || !deletion) continue;
    out.push({
      id,
      kind: stored.kind,
      headline: stored.headline,
      status: stored.status,
      revision: stored.revision,
      deletedBy: deletion.by,
      deletedAt: deletion.at,
    });
  }
  return out.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0));
}
