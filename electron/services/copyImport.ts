/** Raw copy in, draft out: the copy parser's structure stored as a new story. */
import { NewsdeskError } from '../../shared/ipc/errors';
import type { Article } from '../../shared/model/article';
import type { Services } from './openServices';

export async function importCopy(s: Services, text: string, actor: string): Promise<Article> {
  if (!text.trim()) throw new NewsdeskError('validation', '稿件内容为空。');
  // Parsing a long paste takes a while: a worker does it, so saves keep being served meanwhile.
  const content = await s.workers.run('copyToContent', text, { paperName: s.settings.get().paperName });
  return s.articles.create(content.kind, content, actor);
}
