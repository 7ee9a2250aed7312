/** A paragraph being put back together from column-broken lines, in time linear in its lines. */
import { brokenJoinSeparator, isContactLine, isParagraphEnding, lastBeforeClosers } from './lines';

/** How far into a paragraph a contact label (电子邮箱：, E-mail:) can reach. */
const CONTACT_HEAD = 64;

/**
 * A paragraph being repaired from column-broken lines. Its pieces are joined once, when it is
 * closed, and each new line updates only a bounded head and tail, so repair stays linear in the
 * copy however many lines a paragraph was broken into.
 */
export class OpenParagraph {
  readonly item: { type: 'paragraph'; text: string };
  private readonly pieces: string[];
  private lastLine: string;
  private head: string;
  private lastChars: string;
  private beforeClosers: string;

  constructor(line: string) {
    this.item = { type: 'paragraph', text: line };
    this.pieces = [line];
    this.lastLine = line;
    this.head = line.slice(0, CONTACT_HEAD);
    this.lastChars = line.slice(-3);
    this.beforeClosers = lastBeforeClosers(line);
  }

  append(line: string): void {
    const separator = brokenJoinSeparator(this.lastLine, line);
    this.pieces.push(separator, line);
    this.lastLine = line;
    if (this.head.length < CONTACT_HEAD) this.head = (this.head + separator + line).slice(0, CONTACT_HEAD);
    this.lastChars = (this.lastChars + separator + line).slice(-3);
    // A line of closing quotes alone leaves the character before them where it was.
    this.beforeClosers = lastBeforeClosers(line) || this.beforeClosers;
  }

  isFinished(): boolean {
    return isParagraphEnding(this.lastChars, this.beforeClosers) || isContactLine(this.head);
  }

  close(): void {
    if (this.pieces.length > 1) this.item.text = this.pieces.join('');
  }
}
