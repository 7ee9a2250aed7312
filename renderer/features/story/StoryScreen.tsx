/**
 * The story screen: loads the article, offers recovery from the local journal, and remounts
 * the workspace whenever the text is replaced wholesale (take theirs, recover, a newer version).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Article, ArticleContent } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { api, transport } from '../../api/transport';
import { useT } from '../../i18n/i18n';
import { clearJournal, readJournal, type JournalEntry } from './recoveryJournal';
import { contentOf } from '../../../shared/model/article';
import { stripUnsafeInValue } from '../../../shared/rules/unsafeText';
import { sameContent } from '../../common/storyContent';
import { StoryWorkspace } from './StoryWorkspace';
import type { StoryPanels } from '../../common/storyPanels';
import { errorText } from '../../i18n/errorText';

interface Loaded {
  /** The version a workspace opens on; from then on the workspace's autosave owns the working revision. */
  article: Article;
  content: ArticleContent;
  /** True when the content is not what the store has (recovered from the journal). */
  dirty: boolean;
  generation: number;
}

interface Props {
  id: string;
  onBack: () => void;
  /** Set when the story was opened from a proof (大样): the way back to it. */
  onBackToProof?: () => void;
  panels: StoryPanels;
}

export function StoryScreen({ id, onBack, onBackToProof, panels }: Props) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [journal, setJournal] = useState<JournalEntry | null>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const show = useCallback((article: Article, content: ArticleContent, dirty: boolean) => {
    setLoaded((prev) => ({ article, content, dirty, generation: (prev?.generation ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    void api.call('articles.get', { id }).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setFailure(r.error);
        return;
      }
      const entry = readJournal(id);
      if (entry && !sameContent(entry.content, contentOf(r.value))) setJournal(entry);
      else if (entry) clearJournal(id);
      // A story stored before control characters were refused opens without them, unsaved, so the next
      // save (which the contract would refuse with them) goes through.
      const clean = stripUnsafeInValue(contentOf(r.value));
      if (clean.removed) setNotice(t('story.cleaned', { count: clean.removed, codes: clean.codePoints.join(' ') }));
      show(r.value, clean.value, clean.removed > 0);
    });
    return () => {
      live = false;
    };
    // Not on the language: switching it must not reload (and remount) the story being edited.
  }, [id, show]);

  // Someone else saved while we had nothing unsaved: show their version rather than wait for a conflict.
  const onExternalSave = useCallback(
    async (revision: number, isClean: () => boolean) => {
      const r = await api.call('articles.get', { id });
      if (r.ok && r.value.revision >= revision && isClean()) show(r.value, contentOf(r.value), false);
    },
    [id, show],
  );

  if (failure) {
    return (
      <div className="screen-message" data-testid="story-error">
        <p>{errorText(t, failure)}</p>
        <button type="button" className="btn" onClick={onBack}>
          {t('story.back')}
        </button>
      </div>
    );
  }
  if (!loaded) return <div className="screen-message">{t('story.loading')}</div>;

  return (
    <StoryWorkspace
      panels={panels}
      key={loaded.generation}
      article={loaded.article}
      content={loaded.content}
      startDirty={loaded.dirty}
      journal={journal}
      onRecover={() => {
        // The journalled text was written on its base revision; if the store has moved on since
        // (another editor saved), saving it must meet the newer version as a conflict, not
        // silently replace it. So the workspace starts from the journal's base revision.
        if (journal)
          show(
            { ...loaded.article, revision: Math.min(journal.baseRevision, loaded.article.revision) },
            journal.content,
            true,
          );
        setJournal(null);
      }}
      onDiscardJournal={() => {
        clearJournal(id);
        setJournal(null);
      }}
      onReplace={(article) => {
        setNotice(null);
        show(article, contentOf(article), false);
      }}
      onMerged={(theirs, merged, text) => {
        setNotice(text);
        show(theirs, merged, true);
      }}
      notice={notice}
      onExternalSave={onExternalSave}
      subscribe={transport.onEvent}
      onBack={onBack}
      onBackToProof={onBackToProof}
    />
  );
}
