/** Workflow moves, checked in main against the user's role and the story's content. */
import { NewsdeskError } from '../../shared/ipc/errors';
import type { Article } from '../../shared/model/article';
import type { ArticleStatus } from '../../shared/model/status';
import { checkTransition } from '../../shared/rules/workflow';
import { conflictCount } from '../../shared/model/syncFields';
import type { Services } from '../services/openServices';

export interface TransitionRequest {
  id: string;
  baseRevision: number;
  to: ArticleStatus | 'restored';
  note?: string;
}

export function transitionArticle(s: Services, req: TransitionRequest, actor: string): Promise<Article> {
  const { role } = s.settings.get();
  return s.articles.update(req.id, req.baseRevision, actor, (a) => {
    if (req.to === 'approved' && conflictCount(a) > 0) {
      throw new NewsdeskError('forbidden', '稿件有同步冲突，请先在合并窗口中解决冲突再签发。');
    }
    const verdict = checkTransition(a, req.to, role);
    if (!verdict.ok) throw new NewsdeskError('forbidden', verdict.reason);
    const note = req.note?.trim();
    // A return carries its reason in the desk note, where the reporter will look.
    const deskNote = note ? `${a.deskNote ? `${a.deskNote}\n` : ''}[${actor}] ${note}` : a.deskNote;
    if (req.to === 'spiked') return { ...a, status: 'spiked', spikedFrom: a.status, deskNote };
    if (req.to === 'restored') return { ...a, status: a.spikedFrom ?? 'draft', spikedFrom: null, deskNote };
    // A story already in the page plan becomes placed the moment it is approved.
    if (req.to === 'approved' && a.placement) return { ...a, status: 'placed', deskNote };
    return { ...a, status: req.to, deskNote };
  });
}
