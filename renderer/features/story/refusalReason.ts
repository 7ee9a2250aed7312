/** Why main refused a workflow move, in the newsroom rule's words, judged with the role main holds now. */
import type { Article, ArticleContent } from '../../../shared/model/article';
import type { ArticleStatus } from '../../../shared/model/status';
import { deskIdentity } from '../../../shared/model/settings';
import { checkTransition } from '../../../shared/rules/workflow';
import { api } from '../../api/transport';

/** The rule's reason, or null when the rule would allow the move (main refused for a reason we cannot see). */
export async function refusalReason(
  article: Article,
  content: ArticleContent,
  to: ArticleStatus | 'restored',
): Promise<string | null> {
  const settings = await api.call('settings.get', {});
  if (!settings.ok) return null;
  const who = deskIdentity(settings.value);
  const verdict = checkTransition({ ...article, ...content }, to, who.role, who.name);
  return verdict.ok ? null : verdict.reason;
}
