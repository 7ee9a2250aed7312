/** The story's editable content split as the screen holds it: header fields in React state, body in Slate. */
import type { ArticleContent } from '../../shared/model/article';
import type { StoryDocument } from '../../shared/model/document';
import { ARTICLE_FIELDS, type ArticleField } from '../../shared/model/articleFields';

export type StoryFields = Omit<ArticleContent, 'body'>;

export function fieldsOf(a: ArticleContent): StoryFields {
  const fields = Object.fromEntries(ARTICLE_FIELDS.map((field) => [field, a[field]])) as Pick<
    ArticleContent,
    ArticleField
  >;
  return {
    ...fields,
    // Track changes and comment threads travel with the text (absent in older documents).
    ...(a.changes ? { changes: a.changes } : {}),
    ...(a.comments ? { comments: a.comments } : {}),
    // An empty `tracked` (what a save sends when no field suggestion is pending) is the same as none.
    ...(a.tracked && Object.keys(a.tracked).length > 0 ? { tracked: a.tracked } : {}),
  };
}

/**
 * What a save sends. Rows the reporter added but has not named yet are left out rather than
 * refused by the contract, so a half-filled byline never blocks saving the body.
 */
export function contentToSave(fields: StoryFields, body: StoryDocument): ArticleContent {
  return {
    ...fields,
    source: fields.source.trim(),
    bylines: fields.bylines.filter((b) => b.name.trim()).map((b) => ({ role: b.role, name: b.name.trim() })),
    correspondents: fields.correspondents.filter((c) => c.name.trim()).map((c) => ({ name: c.name.trim() })),
    body,
  };
}

/** Whether two contents would print the same, used to tell a stale recovery journal from a real one. */
export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return JSON.stringify(contentToSave(fieldsOf(a), a.body)) === JSON.stringify(contentToSave(fieldsOf(b), b.body));
}
