/** State and actions of find and replace across the headline fields and the body. */
import { useCallback, useMemo, useState } from 'react';
import { Editor, Element, Transforms, type NodeEntry, type Range } from 'slate';
import { ReactEditor } from 'slate-react';
import type { StoryEditor } from '../../editor/customTypes';
import { collectMatches, pointInBlock, type FindMatch, type HeadlineField } from './findMatches';
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
  fields: Record<HeadlineField, string>;
  setField: (field: HeadlineField, value: string) => void;
  /** Bumps when the body changes, so matches follow the text while the bar is open. */
  bodyVersion: number;
}

function bodyRange(editor: StoryEditor, m: Extract<FindMatch, { where: 'body' }>): Range | null {
  const node = editor.children[m.block];
  if (!node) return null;
  return { anchor: pointInBlock(node, [m.block], m.start, true), focus: pointInBlock(node, [m.block], m.end) };
}

function replaceIn(text: string, m: FindMatch, replacement: string): string {
  return text.slice(0, m.start) + replacement + text.slice(m.end);
}

export function useFind({ editor, fields, setField, bodyVersion }: UseFindArgs) {
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
      const range = bodyRange(editor, m);
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

  const replaceMatch = useCallback(
    (m: FindMatch) => {
      if (m.where === 'body') {
        const range = bodyRange(editor, m);
        if (range) Transforms.insertText(editor, replacement, { at: range });
      } else {
        setField(m.where, replaceIn(fields[m.where], m, replacement));
      }
    },
    [editor, fields, replacement, setField],
  );

  const replaceOne = useCallback(() => {
    const m = matches[index];
    if (m) replaceMatch(m);
  }, [index, matches, replaceMatch]);

  /** Replaces from the end backwards so earlier offsets stay valid; one undo step for the body. */
  const replaceAll = useCallback((): number => {
    const next: Record<HeadlineField, string> = { ...fields };
    Editor.withoutNormalizing(editor, () => {
      for (let i = matches.length - 1; i >= 0; i--) {
        const m = matches[i]!;
        if (m.where === 'body') {
          const range = bodyRange(editor, m);
          if (range) Transforms.insertText(editor, replacement, { at: range });
        } else {
          next[m.where] = replaceIn(next[m.where], m, replacement);
        }
      }
    });
    for (const f of ['kicker', 'headline', 'subheadline'] as const) if (next[f] !== fields[f]) setField(f, next[f]);
    return matches.length;
  }, [editor, fields, matches, replacement, setField]);

  const decorate = useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (matches.length === 0 || path.length !== 1 || !Element.isElement(node)) return [];
      const ranges: Range[] = [];
      matches.forEach((m, i) => {
        if (m.where !== 'body' || m.block !== path[0]) return;
        ranges.push({
          anchor: pointInBlock(node, path, m.start, true),
          focus: pointInBlock(node, path, m.end),
          findMatch: i === index ? 'current' : 'other',
        } as Range);
      });
      return ranges;
    },
    [index, matches],
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
