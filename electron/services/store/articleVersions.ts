/** A story's first version and each next one: ids, revision numbers, who and when, the revision-tree entry. */
import { randomBytes } from 'node:crypto';
import { NewsdeskError } from '../../../shared/ipc/errors';
import {
  ArticleSchema,
  emptyContent,
  type Article,
  type ArticleContent,
  type ArticleKind,
} from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import { localEdit } from '../revisionTree/articleDoc';

function newArticleId(): string {
  return `a-${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}

/** A new draft; `content` comes from outside (an import, a create call), so the whole article is validated. */
export function newArticle(
  kind: ArticleKind,
  content: Partial<ArticleContent> | undefined,
  actor: string,
  now: Date,
): Article {
  const at = now.toISOString();
  return ArticleSchema.parse({
    ...emptyContent(kind),
    ...content,
    kind,
    id: newArticleId(),
    status: 'draft',
    spikedFrom: null,
    revision: 1,
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    updatedBy: actor,
    placement: null,
  } satisfies Article);
}

/** The version after `current` made by `change`, refused as a conflict when `current` is no longer `baseRevision`. */
export function nextVersion(
  current: StoredArticle,
  baseRevision: number,
  actor: string,
  change: (current: StoredArticle) => Article,
  now: Date,
): StoredArticle {
  if (current.revision !== baseRevision) {
    throw new NewsdeskError(
      'conflict',
      `稿件已被 ${current.updatedBy} 于 ${current.updatedAt} 更新（第 ${current.revision} 版），你的修改基于第 ${baseRevision} 版。`,
      { currentRevision: current.revision, current: articleOnly(current) },
    );
  }
  const next = ArticleSchema.parse({
    ...change(current),
    id: current.id,
    revision: current.revision + 1,
    createdAt: current.createdAt,
    createdBy: current.createdBy,
    updatedAt: now.toISOString(),
    updatedBy: actor,
  });
  return localEdit(current, next);
}
