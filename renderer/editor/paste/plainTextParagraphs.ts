/**
 * Splits pasted plain text into paragraphs and repairs column breaks. Pure, so the lead
 * may move it to shared/rules; it leans on the copy parser's own line rules.
 */
import { brokenJoinSeparator, endsParagraph, startsFresh } from '../../../shared/rules/copy/lines';
import { countChars } from '../../../shared/rules/charCount';

/** Short unpunctuated lines are headings or subheads, not the first half of a broken sentence. */
const HEADING_MAX_CHARS = 16;
/** A line ending in a clause mark is mid-sentence whatever its length. */
const CLAUSE_END = /[，,、—\-－]$/u;

/** Closers on lines of their own after a stop are rare and short: this much of the text before a line is kept. */
const TAIL_CHARS = 64;

/** The paragraph being repaired: its lines are joined once, and only its last line and 字数 are read per line. */
interface OpenParagraph {
  pieces: string[];
  lastLine: string;
  /** The last lines, enough to see a stop before closing quotes that sit on a line of their own. */
  tail: string;
  chars: number;
}

function continuesInto(paragraph: OpenParagraph): boolean {
  if (endsParagraph(paragraph.tail)) return false;
  return CLAUSE_END.test(paragraph.lastLine) || paragraph.chars > HEADING_MAX_CHARS;
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
  let open: OpenParagraph | null = null;
  const close = () => {
    if (open) out.push(open.pieces.join(''));
    open = null;
  };
  for (const line of lines) {
    const current: OpenParagraph | null = open;
    if (current && continuesInto(current) && !startsFresh(line)) {
      const separator = brokenJoinSeparator(current.lastLine, line);
      current.pieces.push(separator, line);
      current.tail = (current.tail + separator + line).slice(-(line.length + TAIL_CHARS));
      current.lastLine = line;
      current.chars += countChars(line);
    } else {
      close();
      open = { pieces: [line], lastLine: line, tail: line, chars: countChars(line) };
    }
  }
  close();
  return out;
}
