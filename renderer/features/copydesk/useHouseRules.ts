/**
 * What the house rules read besides the text: the paper's style book, compiled once per version
 * and re-read when any desk's edit arrives (stylebook.saved, no restart), and this story's memory
 * (dismissed findings, words kept as written), saved in the store so it outlives the panel.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StoryLintMemory, Stylebook } from '../../../shared/model/stylebook';
import type { HouseContext } from '../../../shared/rules/punctuation';
import { keepMatcher } from '../../../shared/rules/lint/houseRules';
import { compileStylebook } from '../../../shared/rules/lint/stylebookRule';
import { useApi } from '../../api/apiContext';
import { useReloadOnEvents } from '../../common/useReloadOnEvents';

const NO_MEMORY: StoryLintMemory = { dismissed: [], keep: [] };

export interface HouseRules {
  /** A new object when the book or the story's kept words change, so the panel lints again. */
  house: HouseContext;
  dismissed: ReadonlySet<string>;
  dismiss: (key: string) => void;
  keepWord: (word: string) => void;
}

export function useHouseRules(articleId: string): HouseRules {
  const api = useApi();
  const [book, setBook] = useState<Stylebook | null>(null);
  const [memory, setMemory] = useState<StoryLintMemory>(NO_MEMORY);

  const reloadBook = useCallback(async () => {
    const got = await api.call('stylebook.get', {});
    if (got.ok) setBook(got.value);
  }, [api]);
  useReloadOnEvents(reloadBook, (e) => e.event === 'stylebook.saved', 50);

  // The story's memory is this desk's own: read once per story, then kept in step by dismiss and keepWord.
  useEffect(() => {
    let live = true;
    void api.call('lint.memory', { id: articleId }).then((got) => {
      if (live && got.ok) setMemory(got.value);
    });
    return () => {
      live = false;
    };
  }, [api, articleId]);

  const compiled = useMemo(() => (book ? compileStylebook(book) : null), [book]);
  const storyKeep = useMemo(() => keepMatcher(memory.keep), [memory.keep]);
  const house = useMemo<HouseContext>(() => ({ stylebook: compiled, storyKeep }), [compiled, storyKeep]);
  const dismissed = useMemo(() => new Set(memory.dismissed), [memory.dismissed]);

  const dismiss = useCallback(
    (key: string) => {
      setMemory((m) => ({ ...m, dismissed: [...m.dismissed, key] }));
      void api.call('lint.dismiss', { id: articleId, key }).then((r) => r.ok && setMemory(r.value));
    },
    [api, articleId],
  );
  const keepWord = useCallback(
    (word: string) => {
      setMemory((m) => ({ ...m, keep: [...m.keep, word] }));
      void api.call('lint.keep', { id: articleId, word }).then((r) => r.ok && setMemory(r.value));
    },
    [api, articleId],
  );
  return { house, dismissed, dismiss, keepWord };
}
