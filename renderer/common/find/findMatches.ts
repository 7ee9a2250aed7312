/** Collects the matches of a query over the headline fields and the body, in reading order. */
import { Element, Text, type Descendant, type Path, type Point } from 'slate';
import { findAll, type FindOptions } from './findText';

export type HeadlineField = 'kicker' | 'headline' | 'subheadline';
export const HEADLINE_FIELDS: HeadlineField[] = ['kicker', 'headline', 'subheadline'];

export type FindMatch =
  { where: HeadlineField; start: number; end: number } | { where: 'body'; block: number; start: number; end: number };

export function blockPlainText(node: Descendant): string | null {
  if (!Element.isElement(node) || node.type === 'photo') return null;
  let s = '';
  for (const leaf of node.children) s += leaf.text;
  return s;
}

export function collectMatches(
  fields: Record<HeadlineField, string>,
  body: readonly Descendant[],
  query: string,
  opts: FindOptions,
): FindMatch[] {
  const out: FindMatch[] = [];
  if (!query) return out;
  for (const where of HEADLINE_FIELDS) {
    for (const start of findAll(fields[where], query, opts)) out.push({ where, start, end: start + query.length });
  }
  body.forEach((node, block) => {
    const text = blockPlainText(node);
    if (text === null) return;
    for (const start of findAll(text, query, opts))
      out.push({ where: 'body', block, start, end: start + query.length });
  });
  return out;
}

/** The Slate point at a character offset of a text block (offsets run across its leaves). */
export function pointInBlock(node: Descendant, blockPath: Path, offset: number, preferNext = false): Point {
  if (!Element.isElement(node)) return { path: blockPath, offset };
  let rest = offset;
  const leaves = node.children;
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    const len = Text.isText(leaf) ? leaf.text.length : 0;
    // At a leaf boundary the start of a match belongs to the next leaf, its end to this one.
    if (rest < len || (rest === len && (!preferNext || i === leaves.length - 1)))
      return { path: [...blockPath, i], offset: rest };
    rest -= len;
  }
  return { path: [...blockPath, leaves.length - 1], offset: 0 };
}
