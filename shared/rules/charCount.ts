/** 字数: the newsroom's character count, non-whitespace characters, headline fields and body apart. */
import type { ArticleContent } from '../model/article';
import type { StoryDocument } from '../model/document';
import { acceptedBlockText } from './suggestions/acceptedText';

const WHITESPACE = /\s/u;

/**
 * Counts characters as a Chinese desk does: every non-whitespace code point is one 字,
 * Chinese, Latin letter, digit or punctuation alike. Surrogate pairs count once.
 */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!WHITESPACE.test(ch)) n++;
  return n;
}

/**
 * Body 字数: text blocks only; photo captions are counted apart because layout sets them apart.
 * Counted as if every suggestion (留痕) were accepted: struck-through words are on their way out.
 */
export function countBody(body: StoryDocument): number {
  let n = 0;
  for (const block of body) n += countChars(acceptedBlockText(block));
  return n;
}

export function countCaptions(body: StoryDocument): number {
  let n = 0;
  for (const block of body) if (block.type === 'photo') n += countChars(block.caption);
  return n;
}

export interface ArticleCounts {
  kicker: number;
  headline: number;
  subheadline: number;
  body: number;
  captions: number;
}

export function countArticle(
  content: Pick<ArticleContent, 'kicker' | 'headline' | 'subheadline' | 'body'>,
): ArticleCounts {
  return {
    kicker: countChars(content.kicker),
    headline: countChars(content.headline),
    subheadline: countChars(content.subheadline),
    body: countBody(content.body),
    captions: countCaptions(content.body),
  };
}
