/** A story's first version and each next one: ids, revision numbers, who and when, the revision-tree entry. */
import { randomBytes } from 'node:crypto';
import { NewsdeskError } from '../../../shared/ipc/errors';
import {
  ArticleContentSchema,
  ArticleSchema,
  emptyContent,
  type Article,
  type ArticleContent,
  type ArticleKind,
} from '../../../shared/model/article';
import { articleOnly, deletionOf, type StoredArticle } from '../../../shared/model/syncFields';
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

/** A story deleted on the hub is written again only when the person was asked and chose to restore it. */
export function refuseDeleted(current: StoredArticle, restoreDeleted: boolean): void {
  if (current._deleted && !restoreDeleted) {
    const deletion = deletionOf(current);
    throw new NewsdeskError(
      'deleted',
      `稿件已在中心库被${deletion?.by ? ` ${deletion.by} ` : ''}删除；保存会恢复它，请确认后再保存。`,
      { currentRevision: current.revision },
    );
  }
}

function refuseStale(current: StoredArticle, baseRevision: number): void {
  if (current.revision !== baseRevision) {
    throw new NewsdeskError(
      'conflict',
      `稿件已被 ${current.updatedBy} 于 ${current.updatedAt} 更新（第 ${current.revision} 版），你的修改基于第 ${baseRevision} 版。`,
      { currentRevision: current.revision, current: articleOnly(current) },
    );
  }
}

/**
 * The version after `current` made by `change`, refused as a conflict when `current` is no longer
 * `baseRevision`. A change may build anything (a workflow move appends to the desk note), so the result
 * is validated whole before it is written.
 */
export function nextVersion(
  current: StoredArticle,
  baseRevision: number,
  actor: string,
  change: (current: StoredArticle) => Article,
  now: Date,
): StoredArticle {
  refuseStale(current, baseRevision);
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

/** The article's keys in the schema's order, which is the order a parse writes them in. */
const ARTICLE_KEYS = Object.keys(ArticleSchema.shape) as (keyof Article)[];
const CONTENT_KEYS: ReadonlySet<string> = new Set(Object.keys(ArticleContentSchema.shape));

/**
 * The version a save makes: `content` over the stored article. Not parsed again: the content is an
 * ArticleContent (the contract validated it at the boundary) and the rest was validated when the file
 * was read, so a third parse of the whole story would only cost time on every save. Keys are laid out
 * in the schema's order, as a parse would, because the revision hash is taken over the JSON text.
 */
export function savedVersion(
  current: StoredArticle,
  baseRevision: number,
  content: ArticleContent,
  actor: string,
  now: Date,
): StoredArticle {
  refuseStale(current, baseRevision);
  const changed: Partial<Article> = { revision: current.revision + 1, updatedAt: now.toISOString(), updatedBy: actor };
  const next: Record<string, unknown> = {};
  for (const key of ARTICLE_KEYS) {
    const value = Object.hasOwn(changed, key)
      ? changed[key]
      : CONTENT_KEYS.has(key) && Object.hasOwn(content, key)
        ? content[key as keyof ArticleContent]
        : current[key];
    if (value !== undefined) next[key] = value;
  }
  return localEdit(current, next as Article);
}
