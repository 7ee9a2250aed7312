/** Collects the matches of a query over the headline fields and the body, in reading order. */
import type { Descendant } from 'slate';
import { acceptedTexts } from '../../editor/suggestions/acceptedPoints';
import { findAll, type FindOptions } from './findText';

export type HeadlineField = 'kicker' | 'headline' | 'subheadline';
export const HEADLINE_FIELDS: HeadlineField[] = ['kicker', 'headline', 'subheadline'];

/** A body match's block and offsets are in the body as it reads with suggestions accepted (struck words are not found). */
export type FindMatch =
  { where: HeadlineField; start: number; end: number } | { where: 'body'; block: number; start: number; end: number };

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
  acceptedTexts(body).forEach((text, block) => {
    for (const start of findAll(text, query, opts))
      out.push({ where: 'body', block, start, end: start + query.length });
  });
  return out;
}
