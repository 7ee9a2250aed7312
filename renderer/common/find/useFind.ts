/** State and actions of find and replace across the headline fields and the body. */
import { useCallback, useMemo, useState } from 'react';
import { Element, Path, Range, Transforms, type NodeEntry } from 'slate';
import { ReactEditor } from 'slate-react';
import type { StoryEditor } from '../../editor/customTypes';
import { collectMatches, type FindMatch, type HeadlineField } from './findMatches';
import { acceptedBlocks } from '../../editor/suggestions/acceptedPoints';
import { matchRange, replaceMatch, replaceMatches } from './replaceAll';
import type { FindOptions } from './findText';

export interface FindState {
  open: boolean;
  withReplace: boolean;
  query: string;
  replacement: string;
  options: FindOptions;
  matches: FindMatch[];
  current: number;
}

export interface UseFindArgs {
  editor: StoryEditor;
  /** The headline fields as they read; replacing in them goes through the editor's field store. */
  fields: Record<HeadlineField, string>;
  /** Bumps when the body changes, so matches follow the text while the bar is open. */
  bodyVersion: number;
}

export function useFind({ editor, fields, bodyVersion }: UseFindArgs) {
  const [open, setOpen] = useState(false);
  const [withReplace, setWithReplace] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ ignoreCase: true, ignoreWidth: true });
  const [current, setCurrent] = useState(0);

  const matches = useMemo(
    () => (open ? collectMatches(fields, editor.children, query, options) : []),
    // bodyVersion stands in for editor.children, which Slate mutates in place on the editor object.
    [open, fields.kicker, fields.headline, fields.subheadline, query, options, bodyVersion, editor],
  );
  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  const reveal = useCallback(
    (m: FindMatch | undefined) => {
      if (!m || m.where !== 'body') return;
      const range = matchRange(editor, m);
      if (!range) return;
      Transforms.select(editor, range);
      try {
        ReactEditor.toDOMRange(editor, range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
      } catch {
        // Not rendered yet; the selection is still right.
      }
    },
    [editor],
  );

  const step = useCallback(
    (delta: number) => {
      if (matches.length === 0) return;
      const next = (index + delta + matches.length) % matches.length;
      setCurrent(next);
      reveal(matches[next]);
    },
    [index, matches, reveal],
  );

  const replaceOne = useCallback(() => {
    const m = matches[index];
    if (m) replaceMatch(editor, m, replacement);
  }, [editor, index, matches, replacement]);

  /** One undo step for fields and body; in 留痕 one suggestion per replacement, grouped. */
  const replaceAll = useCallback(
    (): number => replaceMatches(editor, matches, replacement),
    [editor, matches, replacement],
  );

  /** Each body match's range in the body as it is (a match can span a pending join). */
  const bodyRanges = useMemo(() => {
    const groups = acceptedBlocks(editor.children);
    const out: { range: Range; i: number }[] = [];
    matches.forEach((m, i) => {
      if (m.where !== 'body') return;
      const range = matchRange(editor, m, groups);
      if (range) out.push({ range, i });
    });
    return out;
  }, [editor, matches]);

  const decorate = useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (bodyRanges.length === 0 || path.length !== 1 || !Element.isElement(node)) return [];
      const ranges: Range[] = [];
      for (const { range, i } of bodyRanges) {
        const [start, end] = Range.edges(range);
        if (Path.compare([start.path[0]!], path) > 0 || Path.compare([end.path[0]!], path) < 0) continue;
        ranges.push({ ...range, findMatch: i === index ? 'current' : 'other' } as Range);
      }
      return ranges;
    },
    [index, bodyRanges],
  );

  const show = useCallback((replace: boolean) => {
    setOpen(true);
    setWithReplace(replace);
  }, []);

  const state: FindState = { open, withReplace, query, replacement, options, matches, current: index };
  return {
    state,
    show,
    close: () => setOpen(false),
    setQuery: (q: string) => {
      setQuery(q);
      setCurrent(0);
    },
    setReplacement,
    setOptions,
    next: () => step(1),
    prev: () => step(-1),
    replaceOne,
    replaceAll,
    decorate: open && matches.length > 0 ? decorate : undefined,
  };
}

export type FindController = ReturnType<typeof useFind>;
