/** The searchable text of a story: headline fields and the body (photo captions included). */
import type { Article } from '../../../shared/model/article';
import { blockText } from '../../../shared/model/document';
import type { SearchDoc } from './searchIndex';

export function searchDocOf(a: Pick<Article, 'kicker' | 'headline' | 'subheadline' | 'body'>): SearchDoc {
  const body = a.body.map((b) => (b.type === 'photo' ? b.caption : blockText(b))).join('\n');
  return { kicker: a.kicker, headline: a.headline, subheadline: a.subheadline, body };
}
