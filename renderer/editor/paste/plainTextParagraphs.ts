/**
 * Splits pasted plain text into paragraphs and repairs column breaks. Pure, so the lead
 * may move it to shared/rules; it leans on the copy parser's own line rules.
 */
import { endsParagraph, joinBroken, startsFresh } from '../../../shared/rules/copy/lines';
import { countChars } from '../../../shared/rules/charCount';

/** Short unpunctuated lines are headings or subheads, not the first half of a broken sentence. */
const HEADING_MAX_CHARS = 16;
/** A line ending in a clause mark is mid-sentence whatever its length. */
const CLAUSE_END = /[，,、—\-－]$/u;

function continuesInto(line: string): boolean {
  if (endsParagraph(line)) return false;
  return CLAUSE_END.test(line) || countChars(line) > HEADING_MAX_CHARS;
}

/**
 * One paragraph per line (blank lines and single newlines both separate, as copy from
 * e-mail, WeChat and PDFs uses either); a line that stops mid-sentence is joined to the
 * next unless the next starts something of its own (a numbered item, a contact line).
 */
export function plainTextParagraphs(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    // Full-width indentation (two U+3000 spaces) is how Chinese copy marks a paragraph start; the layout adds its own.
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
    .filter((line) => line.length > 0);
  const out: string[] = [];
  let open = false;
  for (const line of lines) {
    if (open && out.length > 0 && !startsFresh(line)) {
      out[out.length - 1] = joinBroken(out[out.length - 1]!, line);
    } else {
      out.push(line);
    }
    open = continuesInto(out[out.length - 1]!);
  }
  return out;
}
