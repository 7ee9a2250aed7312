/**
 * Punctuation and house-rule findings and credit problems for the story being edited, re-checked
 * a moment after typing stops (lintArticle with the style book takes ~15 ms on 20,000 characters:
 * fine once, never per key). Ignoring a finding is remembered for the story (useHouseRules).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoryDocument } from '../../../shared/model/document';
import { creditCheck, type CreditProblem } from '../../../shared/rules/creditCheck';
import { lintArticle, type LintRule } from '../../../shared/rules/punctuation';
import type { StoryEditor } from '../../editor/customTypes';
import type { HeadlineField } from '../../common/find/findMatches';
import type { StoryFields } from '../../common/storyContent';
import { acceptAll } from '../../../shared/rules/suggestions/resolveSuggestions';
import { hasSuggestions } from '../../../shared/rules/suggestions/acceptedText';
import { applyLintFixes } from './applyLintFix';
import { onBodyChange } from '../../common/bodyChanges';
import { toItems, type LintedContent, type LintItem } from './lintItems';
import type { HouseRules } from './useHouseRules';

const LINT_DELAY_MS = 400;

interface Options {
  editor: StoryEditor;
  fields: StoryFields;
  /** Unused: headline fixes go through the editor's field store; kept so the panel's props stay as they were. */
  setField?: (field: HeadlineField, value: string) => void;
  rules: HouseRules;
}

export interface LintState {
  items: LintItem[];
  credit: CreditProblem[];
  ignoredCount: number;
  accept: (item: LintItem) => void;
  acceptRule: (rule: LintRule) => void;
  ignore: (item: LintItem) => void;
}

export function useLint({ editor, fields, rules }: Options): LintState {
  const { house, dismissed: ignored, dismiss } = rules;
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const [result, setResult] = useState<{ items: LintItem[]; credit: CreditProblem[] }>({ items: [], credit: [] });

  const current = useCallback((): LintedContent => {
    const f = fieldsRef.current;
    return {
      kicker: f.kicker,
      headline: f.headline,
      subheadline: f.subheadline,
      body: editor.children as StoryDocument,
    };
  }, [editor]);

  const lintNow = useCallback(() => {
    const raw = current();
    // The checks read the copy as if every suggestion (留痕) were accepted; a fix maps its offsets
    // from that text into the body as it is (applyLintFix), so fixes work with suggestions pending.
    const pending = hasSuggestions(raw.body);
    const content = pending ? { ...raw, body: acceptAll(raw.body) } : raw;
    const findings = lintArticle(content, house);
    const items = toItems(content, findings);
    const credit = creditCheck({ ...fieldsRef.current, body: content.body });
    setResult({ items, credit });
    return items;
  }, [current, house]);

  // A keystroke only restarts a timer: no state changes, so the panel does not re-render while the
  // reporter types (with hundreds of findings listed, a re-render per key cost ~35 ms at p95).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      lintNow();
    }, LINT_DELAY_MS);
  }, [lintNow]);
  useEffect(() => onBodyChange(editor, schedule), [editor, schedule]);
  useEffect(() => {
    schedule();
  }, [schedule, fields]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  // The first look is at once: the panel was just opened.
  useEffect(() => {
    lintNow();
  }, [lintNow]);

  /**
   * Findings are re-read from the text as it is now before a fix goes in: the shown list can be
   * up to a lint delay old, and an offset from then could land on the wrong character.
   */
  const applyItems = useCallback(
    (pick: (item: LintItem) => boolean) => {
      const fresh = lintNow().filter((i) => i.finding.fix && !ignored.has(i.key) && pick(i));
      // Headline fields live in the editor's field store beside the body: one undo step, tracked in 留痕.
      applyLintFixes(
        editor,
        fresh.map((i) => i.finding),
      );
    },
    [editor, ignored, lintNow],
  );

  const accept = useCallback((item: LintItem) => applyItems((i) => i.key === item.key), [applyItems]);
  const acceptRule = useCallback((rule: LintRule) => applyItems((i) => i.finding.rule === rule), [applyItems]);
  const ignore = useCallback((item: LintItem) => dismiss(item.key), [dismiss]);

  const items = useMemo(() => result.items.filter((i) => !ignored.has(i.key)), [result.items, ignored]);
  return { items, credit: result.credit, ignoredCount: result.items.length - items.length, accept, acceptRule, ignore };
}
