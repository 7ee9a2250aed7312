/** Raw copy in, draft out: the copy parser's structure stored as a new story. */
import { NewsdeskError } from '../../shared/ipc/errors';
import type { Article } from '../../shared/model/article';
import { parseCopyDetailed, parsedCopyToContent } from '../../shared/rules/parseCopy';
import type { Services } from './openServices';

export async function importCopy(s: Services, text: string, actor: string): Promise<Article> {
  if (!text.trim()) throw new NewsdeskError('validation', '稿件内容为空。');
  const parsed = parseCopyDetailed(text, { paperName: s.settings.get().paperName });
  const content = parsedCopyToContent(parsed);
  return s.articles.create(content.kind, content, actor);
}
