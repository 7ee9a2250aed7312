/** A story in conflict as the merge dialog needs it: the winner, the other live leaves and the merge base. */
import { ArticleContentSchema, type Article, type ArticleContent } from '../../../shared/model/article';
import { articleOnly, type StoredArticle } from '../../../shared/model/syncFields';
import { isAncestorOrSelf } from '../revisionTree/revTree';

export interface ConflictView {
  current: Article;
  base: ArticleContent | null;
  others: { rev: string; content: ArticleContent; updatedBy: string; updatedAt: string }[];
}

/** The stored base only if every live leaf descends from it; a wrong base would read as deletions. */
function soundBase(stored: StoredArticle): ArticleContent | null {
  const base = stored._base;
  const tree = stored._revTree;
  if (!base || !tree || !stored._rev) return null;
  const live = [stored._rev, ...Object.keys(stored._leaves ?? {})];
  return live.every((leaf) => isAncestorOrSelf(tree, base.rev, leaf)) ? ArticleContentSchema.parse(base.body) : null;
}

export function conflictOf(stored: StoredArticle): ConflictView {
  return {
    current: articleOnly(stored),
    base: soundBase(stored),
    others: Object.entries(stored._leaves ?? {}).map(([rev, body]) => ({
      rev,
      content: ArticleContentSchema.parse(body),
      updatedBy: body.updatedBy,
      updatedAt: body.updatedAt,
    })),
  };
}
