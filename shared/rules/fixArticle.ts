/** Applies lint fixes to an article's fields and blocks, keeping bold/italic runs where they were. */
import type { ArticleContent } from '../model/article';
import type { FormattedText } from '../model/document';
import { applyFixes, lintArticle, type ArticleFinding, type TextFix } from './punctuation';

/** Replaces [start, end) of the concatenated leaves; the replacement takes the marks of the leaf it starts in. */
export function replaceInLeaves(leaves: readonly FormattedText[], fix: TextFix): FormattedText[] {
  let offset = 0;
  const spans = leaves.map((leaf) => {
    const from = offset;
    offset += leaf.text.length;
    return { leaf, from, to: offset };
  });
  let host = spans.findIndex((s) => s.from <= fix.start && fix.start < s.to);
  if (host < 0) host = spans.length - 1;
  const out = spans.map(({ leaf, from, to }, i) => {
    const cutFrom = Math.max(from, Math.min(to, fix.start)) - from;
    const cutTo = Math.max(from, Math.min(to, fix.end)) - from;
    if (i !== host && cutFrom === cutTo) return leaf;
    const insert = i === host ? fix.replacement : '';
    return { ...leaf, text: leaf.text.slice(0, cutFrom) + insert + leaf.text.slice(cutTo) };
  });
  const kept = out.filter((l) => l.text !== '');
  return kept.length > 0 ? kept : [{ text: '' }];
}

function fixesFor(findings: readonly ArticleFinding[], match: (f: ArticleFinding) => boolean): ArticleFinding[] {
  return findings.filter((f) => f.fix && match(f));
}

/** Applies the given findings (default: all fixable ones) and returns new content. */
export function fixArticle(
  content: ArticleContent,
  findings: readonly ArticleFinding[] = lintArticle(content),
): ArticleContent {
  const next: ArticleContent = { ...content };
  for (const field of ['kicker', 'headline', 'subheadline'] as const) {
    next[field] = applyFixes(
      content[field],
      fixesFor(findings, (f) => f.location.field === field),
    );
  }
  next.body = content.body.map((block, index) => {
    const here = fixesFor(findings, (f) => 'block' in f.location && f.location.block === index);
    if (here.length === 0) return block;
    if (block.type === 'photo') return { ...block, caption: applyFixes(block.caption, here) };
    // Right to left, so earlier offsets stay valid; overlapping fixes are dropped as in applyFixes.
    const ordered = here.map((f) => f.fix!).sort((a, b) => b.start - a.start);
    let children = block.children;
    let limit = Infinity;
    for (const fix of ordered) {
      if (fix.end > limit) continue;
      children = replaceInLeaves(children, fix);
      limit = fix.start;
    }
    return { ...block, children: children as typeof block.children };
  });
  return next;
}
