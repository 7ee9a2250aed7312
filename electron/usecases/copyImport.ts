/** Raw copy in, draft out: the copy parser's structure stored as a new story, one file or many. */
import { NewsdeskError } from '../../shared/ipc/errors';
import type { Article } from '../../shared/model/article';
import { cleanForeignText } from '../../shared/rules/unsafeText';
import type { NewArticle } from '../services/store/articleStore';
import type { CopyImporter } from '../services/copyBatchImport';
import type { Services } from '../services/openServices';

async function parseCopy(s: Services, raw: string): Promise<NewArticle> {
  // Control characters never reach the store; the preview (copy.parse) and batch result say how many went.
  const { text } = cleanForeignText(raw);
  if (!text.trim()) throw new NewsdeskError('validation', '稿件内容为空。');
  // Parsing a long paste takes a while: a worker does it, so saves keep being served meanwhile.
  const content = await s.workers.run('copyToContent', text, { paperName: s.settings.get().paperName });
  return { kind: content.kind, content };
}

export async function importCopy(s: Services, text: string, actor: string): Promise<Article> {
  const { kind, content } = await parseCopy(s, text);
  return s.articles.create(kind, content, actor);
}

/** Many files (`copy.importMany`): parsed one by one, written in group commits. */
export function copyImporter(s: Services, actor: string): CopyImporter {
  return {
    parse: (text) => parseCopy(s, text),
    createMany: async (stories) =>
      (await s.articles.createMany(stories, actor)).map((o) =>
        o.ok ? { ok: true as const, id: o.stored!.id } : { ok: false as const, error: o.error },
      ),
  };
}
