/**
 * 放弃本机修改 for a story the hub refused: the desk's copy becomes exactly the hub's (its leaves and
 * their ancestry), so the refused local revisions, which never left this desk, are dropped. The
 * version given up stays in the story's history like any other replaced version.
 */
import { NewsdeskError } from '../../../shared/ipc/errors';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import type { Article } from '../../../shared/model/article';
import type { ArticleStore } from '../store/articleStore';
import type { AssetStore } from '../assetStore';
import { applyRemote, type RemoteRevision } from '../revisionTree/articleDoc';
import type { HubClient } from './hubClient';
import { storeAttachments } from './photoAttachments';
import { toRemote } from './pull';
import type { RefusalLedger } from './refusalLedger';

export async function takeHubVersion(
  ctx: { hub: HubClient; store: ArticleStore; assets: AssetStore; refusals: RefusalLedger },
  id: string,
): Promise<Article> {
  const docs = await ctx.hub.allLeaves(id);
  const incoming = docs.map((d) => toRemote(d).revision).filter((r): r is RemoteRevision => r !== null);
  for (const doc of docs) await storeAttachments(doc, ctx.assets);
  const fromHub = applyRemote(null, incoming);
  if (!fromHub) {
    throw new NewsdeskError(
      'not_found',
      '中心库里没有这篇稿件，无可取回的版本：请修改到中心库能接受为止，或删除本机稿件。',
    );
  }
  const stored = await ctx.store.writeSynced(id, (current: StoredArticle | null) => {
    if (!current) throw new NewsdeskError('not_found', `找不到稿件 ${id}。`);
    // Unknown fields of the hub's winner travel with it; the desk's save counter only moves forward.
    return { stored: { ...fromHub.stored, revision: current.revision + 1 }, notify: true, local: false };
  });
  await ctx.refusals.forget(id);
  return articleOnly(stored!);
}
