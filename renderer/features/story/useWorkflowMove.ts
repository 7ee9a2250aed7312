/** A workflow move from the story screen: asked about first with suggestions pending, saved first, then sent. */
import { useCallback, useState } from 'react';
import type { ArticleContent } from '../../../shared/model/article';
import { pendingSuggestions } from '../../../shared/rules/suggestions/changeTable';
import { api } from '../../api/transport';
import { errorText } from '../../i18n/errorText';
import { refusalText } from '../../i18n/refusalText';
import type { Translate } from '../../i18n/i18n';
import { refusalReason } from './refusalReason';
import type { Autosave } from './useAutosave';
import type { StoryFields } from '../../common/storyContent';
import type { WorkflowMove } from './WorkflowBar';

export interface PendingConfirm {
  move: WorkflowMove;
  pending: number;
}

export interface WorkflowMoves {
  move: (m: WorkflowMove, confirmed?: boolean) => Promise<void>;
  busy: boolean;
  /** A move waiting for the reporter to confirm passing copy on with suggestions in it. */
  confirm: PendingConfirm | null;
  setConfirm: (confirm: PendingConfirm | null) => void;
  /** Why the last move (or a merge) failed, shown over the story. */
  error: string | null;
  setError: (error: string | null) => void;
  /** Every missing item of a refused move, one line each, under the error. */
  errorItems: readonly string[];
}

export function useWorkflowMove(opts: {
  articleId: string;
  autosave: Autosave;
  getContent: () => ArticleContent;
  setHeader: (patch: Partial<StoryFields>) => void;
  t: Translate;
}): WorkflowMoves {
  const { articleId, autosave, getContent, setHeader, t } = opts;
  const [confirm, setConfirm] = useState<PendingConfirm | null>(null);
  const [error, setErrorText] = useState<string | null>(null);
  const [errorItems, setErrorItems] = useState<readonly string[]>([]);
  const setError = useCallback((e: string | null) => {
    setErrorText(e);
    setErrorItems([]);
  }, []);
  const [busy, setBusy] = useState(false);

  const move = useCallback(
    async (m: WorkflowMove, confirmed = false) => {
      // Passing copy on (submit, edit done, approve) with suggestions still in it is allowed, but asked about first.
      if (!confirmed && (m.to === 'submitted' || m.to === 'edited' || m.to === 'approved')) {
        const pending = pendingSuggestions(getContent()).length;
        if (pending > 0) {
          setConfirm({ move: m, pending });
          return;
        }
      }
      setConfirm(null);
      setBusy(true);
      setError(null);
      // A move is based on a revision: the reporter's latest words go in first.
      const saved = await autosave.flush();
      if (!saved) {
        setBusy(false);
        return;
      }
      const baseRevision = autosave.revision();
      const r =
        m.to === 'spiked'
          ? await api.call('articles.spike', { id: articleId, baseRevision })
          : m.to === 'restored'
            ? await api.call('articles.restore', { id: articleId, baseRevision })
            : await api.call('articles.transition', {
                id: articleId,
                baseRevision,
                to: m.to,
                ...(m.note ? { note: m.note } : {}),
              });
      setBusy(false);
      if (!r.ok) {
        // Main says why as data (every missing item); a refusal without it (an older owner process) is judged by
        // the same rule here, with the role main holds now; else the code says it.
        const refusal =
          r.error.refusal ??
          (r.error.code === 'forbidden' ? await refusalReason(autosave.current(), getContent(), m.to) : null);
        const words = refusal ? refusalText(t, refusal) : { summary: errorText(t, r.error), items: [] };
        setErrorText(t('workflow.refused', { reason: words.summary }));
        setErrorItems(words.items);
        return;
      }
      autosave.adopt(r.value);
      // A return writes its reason into the desk note: the store's value, not an edit of ours.
      setHeader({ deskNote: r.value.deskNote });
    },
    [articleId, autosave, getContent, setHeader, setError, t],
  );

  return { move, busy, confirm, setConfirm, error, setError, errorItems };
}
