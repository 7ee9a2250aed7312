/**
 * Three-way merge of two edits of one story against the version both started from, for a
 * save refused as a conflict: whatever only one side changed is taken from that side; where
 * both changed the same thing, both versions are kept (mine first) and counted, so nothing
 * typed by either person is lost and the editor decides.
 */
import { diff3Merge } from 'node-diff3';
import type { ArticleContent } from '../model/article';
import { ARTICLE_FIELDS } from '../model/articleFields';
import type { Block } from '../model/document';

export interface MergeResult {
  content: ArticleContent;
  /** Fields changed on both sides differently (mine kept), e.g. ['headline']. */
  fieldConflicts: string[];
  /** Body regions both sides changed; each kept both versions, mine then theirs. */
  bodyConflicts: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeArticles(base: ArticleContent, mine: ArticleContent, theirs: ArticleContent): MergeResult {
  const content: ArticleContent = { ...mine };
  const fieldConflicts: string[] = [];
  for (const field of ARTICLE_FIELDS) {
    const [b, m, t] = [base[field], mine[field], theirs[field]];
    if (same(m, t) || !same(t, b)) {
      if (same(m, b)) (content as Record<string, unknown>)[field] = t;
      else if (!same(m, t)) fieldConflicts.push(field);
    }
  }
  // Blocks compare by their JSON: a paragraph is "the same" only if text and marks are.
  const key = (block: Block) => JSON.stringify(block);
  const regions = diff3Merge(mine.body.map(key), base.body.map(key), theirs.body.map(key), {
    excludeFalseConflicts: true,
  });
  const body: string[] = [];
  let bodyConflicts = 0;
  for (const region of regions) {
    if (region.ok) body.push(...region.ok);
    else if (region.conflict) {
      const { a, o, b } = region.conflict;
      // diff3 calls edits to neighbouring lines a conflict; for paragraphs edited in place by two
      // people (same count on all sides) each paragraph is settled on its own instead.
      if (a.length === o.length && b.length === o.length) {
        for (let i = 0; i < o.length; i++) {
          if (a[i] === o[i] || a[i] === b[i]) body.push(b[i]!);
          else if (b[i] === o[i]) body.push(a[i]!);
          else {
            bodyConflicts++;
            body.push(a[i]!, b[i]!);
          }
        }
      } else {
        bodyConflicts++;
        body.push(...a, ...b);
      }
    }
  }
  content.body = body.length > 0 ? body.map((json) => JSON.parse(json) as Block) : mine.body;
  return { content, fieldConflicts, bodyConflicts };
}
