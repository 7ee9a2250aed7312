/** Settles a refused save by keeping both edits: a three-way merge on the revision our unsaved text was based on. */
import { useCallback } from 'react';
import { contentOf, type Article, type ArticleContent } from '../../../shared/model/article';
import { mergeArticles } from '../../../shared/rules/mergeArticles';
import { api } from '../../api/transport';
import { errorText } from '../../i18n/errorText';
import type { Translate } from '../../i18n/i18n';
import type { Autosave } from './useAutosave';

export function useMergeWithTheirs(opts: {
  articleId: string;
  autosave: Autosave;
  getContent: () => ArticleContent;
  /** The merged text goes on top of theirs, unsaved, with a notice of how it went. */
  onMerged: (theirs: Article, merged: ArticleContent, notice: string) => void;
  onError: (message: string) => void;
  t: Translate;
}): () => Promise<void> {
  const { articleId, autosave, getContent, onMerged, onError, t } = opts;
  return useCallback(async () => {
    const theirs = autosave.conflict;
    if (!theirs) return;
    const base = await api.call('revisions.get', { id: articleId, revision: autosave.revision() });
    if (!base.ok) {
      onError(t('conflict.mergeFailed', { message: errorText(t, base.error) }));
      return;
    }
    const result = mergeArticles(contentOf(base.value), getContent(), contentOf(theirs));
    const conflicts = result.bodyConflicts + result.fieldConflicts.length;
    onMerged(
      theirs,
      result.content,
      conflicts > 0
        ? t('conflict.mergedWithConflicts', { rev: theirs.revision, n: conflicts })
        : t('conflict.merged', { rev: theirs.revision }),
    );
  }, [articleId, autosave, getContent, onMerged, onError, t]);
}
