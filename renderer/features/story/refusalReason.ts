/** Why main refused a workflow move, as the newsroom rule's data, judged with the role main holds now (for a refusal that carried none). */
import type { Article, ArticleContent } from '../../../shared/model/article';
import type { ArticleStatus } from '../../../shared/model/status';
import { deskIdentity } from '../../../shared/model/settings';
import type { MoveRefusal } from '../../../shared/rules/moveRefusal';
import { checkTransition } from '../../../shared/rules/workflow';
import { api } from '../../api/transport';

/** The rule's refusal, or null when the rule would allow the move (main refused for a reason we cannot see). */
export async function refusalReason(
  article: Article,
  content: ArticleContent,
  to: ArticleStatus | 'restored',
): Promise<MoveRefusal | null> {
  const settings = await api.call('settings.get', {});
  if (!settings.ok) return null;
  const who = deskIdentity(settings.value);
  const verdict = checkTransition({ ...article, ...content }, to, who.role, who.name);
  return verdict.ok ? null : verdict.refusal;
}
