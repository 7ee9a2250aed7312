/** The article's header fields in one list, each with the message key of its label (diff, merge, compare, errors). */
import type { ArticleContent } from './article';

/** Every field of ArticleContent but the body and its track-changes tables, in the order screens show them. */
export const ARTICLE_FIELD_LABELS = {
  kind: 'story.kind',
  kicker: 'story.kicker',
  headline: 'story.headline',
  subheadline: 'story.subheadline',
  source: 'story.source',
  bylines: 'story.bylines',
  correspondents: 'story.correspondents',
  deskNote: 'story.deskNote',
} as const satisfies Record<keyof Omit<ArticleContent, 'body' | 'changes' | 'comments' | 'tracked'>, string>;

export type ArticleField = keyof typeof ARTICLE_FIELD_LABELS;

export const ARTICLE_FIELDS = Object.keys(ARTICLE_FIELD_LABELS) as ArticleField[];

/** The names for the parts of an article that are not header fields. */
export const BODY_LABEL = 'desk.field.body';
export const PLACEMENT_LABEL = 'revisions.placement';
