/**
 * The local recovery journal: the latest content of a story being edited, kept in localStorage
 * until the store has it, so a crash, a closed window or a failed save loses nothing.
 */
import { ArticleContentSchema, type ArticleContent } from '../../../shared/model/article';

export interface JournalEntry {
  /** The revision the journalled edits were made on. */
  baseRevision: number;
  writtenAt: string;
  content: ArticleContent;
}

const PREFIX = 'newsdesk.journal.';

export function readJournal(id: string): JournalEntry | null {
  try {
    const raw = localStorage.getItem(PREFIX + id);
    if (!raw) return null;
    const entry = JSON.parse(raw) as JournalEntry;
    // A journal written by an older build may not fit today's contract; it is then useless for recovery.
    const content = ArticleContentSchema.safeParse(entry.content);
    if (!content.success || typeof entry.baseRevision !== 'number') return null;
    return { baseRevision: entry.baseRevision, writtenAt: String(entry.writtenAt), content: content.data };
  } catch {
    return null;
  }
}

/** Each block's JSON, kept by identity: Slate replaces only edited blocks, so a write re-serialises just those. */
const blockJson = new WeakMap<object, string>();

function serializeEntry(entry: JournalEntry): string {
  const { body, ...fields } = entry.content;
  const blocks = body.map((block) => {
    let json = blockJson.get(block);
    if (json === undefined) {
      json = JSON.stringify(block);
      blockJson.set(block, json);
    }
    return json;
  });
  const head = JSON.stringify({ baseRevision: entry.baseRevision, writtenAt: entry.writtenAt, content: fields });
  // Splice the body into the content object: `…"content":{…}}` -> `…"content":{…,"body":[…]}}`.
  return `${head.slice(0, -2)}${Object.keys(fields).length ? ',' : ''}"body":[${blocks.join(',')}]}}`;
}

/** Best effort: a full quota must never break typing, so a failed write is only reported. */
export function writeJournal(id: string, entry: JournalEntry): boolean {
  try {
    localStorage.setItem(PREFIX + id, serializeEntry(entry));
    return true;
  } catch {
    return false;
  }
}

export function clearJournal(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    // Storage unavailable: nothing was journalled either.
  }
}
