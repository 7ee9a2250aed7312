/**
 * A story with more than one live leaf after sync: a 冲突 banner in the editor that opens the
 * existing three-way merge; whichever way it is settled is written as one resolution.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Article, ArticleContent } from '../../../shared/model/article';
import { mergeArticles } from '../../../shared/rules/mergeArticles';
import { api } from '../../api/transport';
import { useT } from '../../i18n/i18n';
import { ConflictDialog } from '../../common/ConflictDialog';
import type { SyncConflictBannerProps } from '../../common/storyPanels';

type Props = SyncConflictBannerProps;

type View = { base: ArticleContent | null; theirs: Article; count: number };

export function SyncConflictBanner({ article, getContent, flush, onResolved, subscribe }: Props) {
  const t = useT();
  const [view, setView] = useState<View | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = article.id;

  const load = useCallback(async () => {
    const r = await api.call('sync.conflict', { id });
    const other = r.ok ? r.value.others[0] : undefined;
    if (!r.ok || !other) return setView(null);
    const theirs: Article = {
      ...r.value.current,
      ...other.content,
      updatedBy: other.updatedBy,
      updatedAt: other.updatedAt,
    };
    setView({ base: r.value.base, theirs, count: r.value.others.length });
  }, [id]);
  useEffect(() => {
    void load();
    return subscribe((e) => {
      if (e.event === 'article.saved' && e.id === id) void load();
    });
  }, [id, load, subscribe]);

  const resolve = async (content: ArticleContent) => {
    await flush();
    const current = await api.call('articles.get', { id });
    if (!current.ok) return setError(current.error.message);
    const r = await api.call('sync.resolve', { id, baseRevision: current.value.revision, content });
    if (!r.ok) return setError(r.error.message);
    setOpen(false);
    setView(null);
    onResolved(r.value);
  };

  if (!view) return null;
  return (
    <>
      <div className="banner banner-error" role="alert" data-testid="sync-conflict-banner">
        {t('sync.conflictBanner', { n: view.count, who: view.theirs.updatedBy })}
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)} data-testid="sync-conflict-open">
          {t('sync.conflictOpen')}
        </button>
        {error && <span> {error}</span>}
      </div>
      {open && (
        <ConflictDialog
          theirs={view.theirs}
          mine={getContent}
          onKeepMine={() => void resolve(getContent())}
          onTakeTheirs={() => void resolve(view.theirs)}
          onMerge={() => {
            // Without a sound common base, theirs stands in for it: nothing of mine is dropped.
            const theirs = view.theirs;
            void resolve(mergeArticles(view.base ?? theirs, getContent(), theirs).content);
          }}
        />
      )}
    </>
  );
}
