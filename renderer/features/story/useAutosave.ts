/**
 * Saves a story without being asked: 1 s after the last edit, when focus leaves, when the
 * window hides or unloads. Every change is journalled locally first, so the text survives
 * a failed save; a stale base revision surfaces as a conflict for the reporter to settle.
 * Leaving the story (its screen closes, the window goes) marks the last revision as the end of a
 * sitting, so the revision list starts a new group with the next save.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, ArticleContent } from '../../../shared/model/article';
import type { IpcError } from '../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';
import { clearJournal, writeJournal } from './recoveryJournal';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export const SAVE_DEBOUNCE_MS = 1000;
const RETRY_AFTER_ERROR_MS = 5000;
/** A save still unanswered after this long is shown as a problem; it is still awaited, never sent twice. */
const SAVE_SLOW_MS = 10_000;
/**
 * The journal is written shortly after typing pauses, not inside the keystroke: serialising
 * the story is the biggest per-key cost otherwise. A renderer crash can cost at most this
 * much of the last typing; blur, hide, unload and every save write it at once.
 */
const JOURNAL_DELAY_MS = 250;
/** A slow journal write (a huge story) may take at most this share of the time, so typing keeps the main thread. */
const JOURNAL_MAX_SHARE = 0.05;

/** A hidden window paints no frames: the timed save then waits at most this long for one. */
const PAINT_WAIT_MS = 100;

/**
 * Runs `fn` once the next frame is painted (a task after rAF), or after PAINT_WAIT_MS if no frame comes.
 * A timed save serialises and sends the whole story in one task; fired right after a huge change (a 5 MB
 * paste) it ran before the first frame showing that change, and the reporter saw nothing for seconds.
 */
function afterNextPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, PAINT_WAIT_MS);
}

/** The error shown while a save waits past SAVE_SLOW_MS: no code came back, so it is io with no message of main's. */
export const NO_ANSWER: IpcError = { code: 'io', message: '' };

export interface AutosaveOptions {
  /** The store's version the screen opened on; from here on the autosave keeps it. */
  article: Article;
  getContent: () => ArticleContent;
}

export interface Autosave {
  /**
   * The store's version of the story our text is based on (revision, status, placement): the one
   * owner of the working revision on the story screen, advanced by saves, moves and adoptions.
   */
  article: Article;
  state: SaveState;
  error: IpcError | null;
  /** The newer version that refused our save, while in conflict. */
  conflict: Article | null;
  /** The hub's message while the person is asked whether to restore a story deleted there; else null. */
  deletedAsk: string | null;
  /** The answer: restore (save it back) or leave it deleted (no more saves). */
  answerDeleted(restore: boolean): void;
  /** Call after every edit. */
  changed(): void;
  /** Saves now if anything is unsaved; resolves true once the store has the latest text. */
  flush(): Promise<boolean>;
  /** Keep mine: save our text on top of the newer revision. */
  keepMine(): Promise<boolean>;
  /** The store's version is now the truth (take theirs, a workflow move, a recovered base). */
  adopt(article: Article, dirty?: boolean): void;
  /** The article above as of now, for callbacks that run between renders. */
  current(): Article;
  revision(): number;
}

export function useAutosave({ article: opened, getContent }: AutosaveOptions): Autosave {
  const api = useApi();
  const id = opened.id;
  const [article, setArticle] = useState(opened);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<IpcError | null>(null);
  const [conflict, setConflict] = useState<Article | null>(null);
  /** The hub's word that the story was deleted there, while the person is asked whether to restore it. */
  const [deletedAsk, setDeletedAsk] = useState<string | null>(null);

  const m = useRef({
    /** The same article as the state above, readable at once by callbacks between renders. */
    article: opened,
    /** Edits made so far, and how many of them the store has. */
    edits: 0,
    savedEdits: 0,
    inFlight: null as Promise<boolean> | null,
    timer: 0 as ReturnType<typeof setTimeout> | 0,
    /** When the armed save timer fires, and when the save is really due (later, while typing goes on). */
    timerAt: 0,
    dueAt: 0,
    journalTimer: 0 as ReturnType<typeof setTimeout> | 0,
    /** How long the last journal write took; slow writes are spaced out in proportion. */
    journalCost: 0,
    inConflict: false,
    /** The person agreed that saving restores a story deleted on the hub. */
    restoreDeleted: false,
    /** The person declined: no more saves until the story is opened again. */
    keepDeleted: false,
    /** This screen saved or took a new version: leaving it then ends a sitting at that revision. */
    touched: false,
  }).current;
  const latest = useRef({ getContent });
  latest.current = { getContent };

  const base = useCallback(
    (next: Article) => {
      m.article = next;
      setArticle(next);
    },
    [m],
  );

  const writeJournalNow = useCallback(() => {
    if (m.journalTimer) clearTimeout(m.journalTimer);
    m.journalTimer = 0;
    if (m.edits === m.savedEdits) return;
    const started = performance.now();
    writeJournal(id, {
      baseRevision: m.article.revision,
      writtenAt: new Date().toISOString(),
      content: latest.current.getContent(),
    });
    m.journalCost = performance.now() - started;
  }, [id, m]);

  const save = useCallback(async (): Promise<boolean> => {
    if (m.inFlight) {
      await m.inFlight;
      return m.edits === m.savedEdits || save();
    }
    if (m.edits === m.savedEdits) return true;
    if (m.inConflict || m.keepDeleted) return false;
    if (m.timer) clearTimeout(m.timer);
    m.timer = 0;
    const editsAtStart = m.edits;
    const content = latest.current.getContent();
    setState('saving');
    const run = (async () => {
      const slow = setTimeout(() => {
        setState('error');
        setError(NO_ANSWER);
      }, SAVE_SLOW_MS);
      const result = await api.call('articles.save', {
        id,
        baseRevision: m.article.revision,
        content,
        ...(m.restoreDeleted ? { restoreDeleted: true } : {}),
      });
      clearTimeout(slow);
      if (result.ok) {
        base(result.value);
        m.touched = true;
        m.savedEdits = Math.max(m.savedEdits, editsAtStart);
        setError(null);
        if (m.edits === m.savedEdits) {
          clearJournal(id);
          setState('saved');
        } else {
          setState('dirty');
          schedule(SAVE_DEBOUNCE_MS);
        }
        return true;
      }
      setError(result.error);
      if (result.error.code === 'deleted') {
        // Deleted on the hub while open here: saving would bring it back, so ask first (answerDeleted);
        // no save is tried while the question is open.
        m.keepDeleted = true;
        setState('error');
        setDeletedAsk(result.error.message);
        return false;
      }
      if (result.error.code === 'conflict') {
        m.inConflict = true;
        setState('conflict');
        if (result.error.current) setConflict(result.error.current);
        else {
          const current = await api.call('articles.get', { id });
          if (current.ok) setConflict(current.value);
        }
      } else {
        setState('error');
        schedule(RETRY_AFTER_ERROR_MS);
      }
      return false;
    })();
    m.inFlight = run;
    try {
      return await run;
    } finally {
      m.inFlight = null;
    }
  }, [api, base, id, m]);

  // Debounce by deadline: a keystroke only moves dueAt, and the one armed timer re-arms itself
  // until then, so typing does not pay for clearTimeout + setTimeout on every character.
  const schedule = useCallback(
    (ms: number) => {
      const now = performance.now();
      m.dueAt = now + ms;
      if (m.timer && m.timerAt <= m.dueAt) return;
      if (m.timer) clearTimeout(m.timer);
      const fire = () => {
        const wait = m.dueAt - performance.now();
        if (wait > 1) {
          m.timerAt = performance.now() + wait;
          m.timer = setTimeout(fire, wait);
          return;
        }
        m.timer = 0;
        afterNextPaint(() => void save());
      };
      m.timerAt = now + ms;
      m.timer = setTimeout(fire, ms);
    },
    [m, save],
  );

  const changed = useCallback(() => {
    m.edits++;
    // Throttled, not debounced: steady typing still journals every JOURNAL_DELAY_MS (longer for a huge
    // story), in the idle time between keystrokes where the browser offers it.
    if (!m.journalTimer) {
      m.journalTimer = setTimeout(
        () => {
          if (typeof requestIdleCallback === 'function')
            requestIdleCallback(writeJournalNow, { timeout: JOURNAL_DELAY_MS });
          else writeJournalNow();
        },
        Math.max(JOURNAL_DELAY_MS, m.journalCost / JOURNAL_MAX_SHARE),
      );
    }
    if (m.inConflict) return;
    setState((s) => (s === 'saving' ? s : 'dirty'));
    schedule(SAVE_DEBOUNCE_MS);
  }, [m, schedule, writeJournalNow]);

  const flush = useCallback(() => {
    writeJournalNow();
    return save();
  }, [save, writeJournalNow]);

  const keepMine = useCallback(async () => {
    if (!conflict) return false;
    // Our text goes on top of theirs: their version is now the base.
    base(conflict);
    m.inConflict = false;
    setConflict(null);
    setError(null);
    writeJournalNow();
    return save();
  }, [base, conflict, m, save, writeJournalNow]);

  const adopt = useCallback(
    (next: Article, dirty = false) => {
      base(next);
      // A move is the person's own revision; a version taken from someone else is not marked by main.
      m.touched = true;
      m.inConflict = false;
      setConflict(null);
      setError(null);
      if (dirty) {
        changed();
      } else {
        m.savedEdits = m.edits;
        clearJournal(id);
        setState('saved');
      }
    },
    [base, changed, id, m],
  );

  /** Tells main this sitting ended at the revision the screen last wrote (once per leave; main ignores repeats). */
  const endSitting = useCallback(() => {
    if (!m.touched || m.keepDeleted) return;
    m.touched = false;
    void api.call('revisions.markSitting', { id, revision: m.article.revision });
  }, [api, id, m]);

  /** Saves what is left, then ends the sitting at the revision that save made. */
  const leave = useCallback(() => {
    // A closing window may not wait for a save's answer: with nothing left to save, mark at once.
    if (m.edits === m.savedEdits && !m.inFlight) endSitting();
    else void flush().then(endSitting);
  }, [endSitting, flush, m]);

  // Leaving the window or hiding it saves at once; unload can only journal reliably, so it does both.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = () => void flush();
    window.addEventListener('blur', onLeave);
    window.addEventListener('beforeunload', onLeave);
    // The page going away (the window closes or reloads) leaves the story.
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('blur', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush, leave]);

  // Leaving the story screen saves what is left and ends the sitting.
  useEffect(
    () => () => {
      if (m.timer) clearTimeout(m.timer);
      leave();
    },
    [leave, m],
  );

  const answerDeleted = useCallback(
    (restore: boolean) => {
      setDeletedAsk(null);
      if (!restore) return;
      m.keepDeleted = false;
      m.restoreDeleted = true;
      setState('dirty');
      schedule(0);
    },
    [m, schedule],
  );

  const current = useCallback(() => m.article, [m]);
  const revisionNow = useCallback(() => m.article.revision, [m]);
  return {
    article,
    state,
    error,
    conflict,
    deletedAsk,
    answerDeleted,
    changed,
    flush,
    keepMine,
    adopt,
    current,
    revision: revisionNow,
  };
}
