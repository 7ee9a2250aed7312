/** A story as plain text for 飞腾 and 书版: one paragraph per line, CRLF; the encoding is the caller's (GB18030). */
import { paragraphText, type StyledParagraph } from './storyParagraphs';

export function buildPlainText(paragraphs: StyledParagraph[]): string {
  // A line break inside a paragraph would split it in two for the typesetter.
  return paragraphs.map((p) => paragraphText(p).replace(/[\r\n]+/g, ' ')).join('\r\n') + '\r\n';
}
