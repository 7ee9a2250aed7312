/** Workflow moves, checked in main against the desk's role (the hub's, when there is a hub) and the story's content. */
import { NewsdeskError } from '../../shared/ipc/errors';
import type { Article } from '../../shared/model/article';
import { deskIdentity } from '../../shared/model/settings';
import type { ArticleStatus } from '../../shared/model/status';
import { moveRefusalZh } from '../../shared/rules/moveRefusal';
import { applyTransition, checkTransition } from '../../shared/rules/workflow';
import { conflictCount } from '../../shared/model/syncFields';
import type { Services } from '../services/openServices';

export interface TransitionRequest {
  id: string;
  baseRevision: number;
  to: ArticleStatus | 'restored';
  note?: string;
}

export function transitionArticle(s: Services, req: TransitionRequest, actor: string): Promise<Article> {
  const { role } = deskIdentity(s.settings.get());
  return s.articles.update(req.id, req.baseRevision, actor, (a) => {
    if (req.to === 'approved' && conflictCount(a) > 0) {
      const refusal = { kind: 'sync_conflict' } as const;
      throw new NewsdeskError('forbidden', moveRefusalZh(refusal), { refusal });
    }
    const verdict = checkTransition(a, req.to, role, actor);
    if (!verdict.ok) throw new NewsdeskError('forbidden', verdict.reason, { refusal: verdict.refusal });
    return applyTransition(a, req.to, actor, new Date().toISOString(), req.note);
  });
}
