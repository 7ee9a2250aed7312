/**
 * Who is suggesting in this editor and the change table the body's ids point into. Rows are never
 * dropped here (undo and redo bring ids back); a save keeps only the ids the body still holds.
 */
import type { Editor } from 'slate';
import type { ChangeKind, ChangeRecord } from '../../../shared/model/suggestions';
import type { UserRole } from '../../../shared/model/status';

export interface SuggestionSession {
  /** Suggestion mode (留痕): edits become suggestions instead of changes. */
  enabled: boolean;
  author: string;
  role: UserRole;
  table: Map<string, ChangeRecord>;
  /** Set while one act (a replace-all, a lint accept-all) runs: its changes share this group id. */
  group?: string;
  /** Injected so tests get repeatable ids and times. */
  newId: () => string;
  now: () => string;
}

const SESSIONS = new WeakMap<Editor, SuggestionSession>();

let counter = 0;
/** Short, unique within a story: time plus a counter plus randomness against two editors in the same millisecond. */
export function freshChangeId(): string {
  counter = (counter + 1) % 1_000_000;
  return `c${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

export function startSession(
  editor: Editor,
  init: Pick<SuggestionSession, 'enabled' | 'author' | 'role'> &
    Partial<SuggestionSession> & { changes?: ChangeRecord[] },
): SuggestionSession {
  const session: SuggestionSession = {
    enabled: init.enabled,
    author: init.author,
    role: init.role,
    table: init.table ?? new Map((init.changes ?? []).map((c) => [c.id, c])),
    newId: init.newId ?? freshChangeId,
    now: init.now ?? (() => new Date().toISOString()),
  };
  SESSIONS.set(editor, session);
  return session;
}

export function sessionOf(editor: Editor): SuggestionSession | undefined {
  return SESSIONS.get(editor);
}

/** The session when suggestion mode is on, else undefined: the one test every override makes first. */
export function suggesting(editor: Editor): SuggestionSession | undefined {
  const s = SESSIONS.get(editor);
  return s?.enabled ? s : undefined;
}

export function isOwn(session: SuggestionSession, id: string | undefined): boolean {
  return id !== undefined && session.table.get(id)?.author === session.author;
}

export function kindOf(session: SuggestionSession, id: string | undefined): ChangeKind | undefined {
  return id === undefined ? undefined : session.table.get(id)?.kind;
}

/** Registers a new suggestion and returns its id. */
export function recordChange(session: SuggestionSession, kind: ChangeKind): string {
  const id = session.newId();
  const row: ChangeRecord = { id, kind, author: session.author, role: session.role, at: session.now() };
  if (session.group !== undefined) row.group = session.group;
  session.table.set(id, row);
  return id;
}

/** Whether typing on beside this id extends it: the person's own insertion or the new words of their replacement. */
export function extendsOwn(session: SuggestionSession, id: string | undefined): boolean {
  if (!isOwn(session, id)) return false;
  const kind = kindOf(session, id);
  return kind === 'insert' || kind === 'replace';
}

/** Runs `fn` with every change it records in one new group (a replace-all, a lint accept-all). */
export function inGroup<T>(session: SuggestionSession | undefined, fn: () => T): T {
  if (!session || session.group !== undefined) return fn();
  session.group = session.newId();
  try {
    return fn();
  } finally {
    session.group = undefined;
  }
}

/** A lazily made id: an edit that only removes the user's own suggestions needs none. */
export function lazyId(session: SuggestionSession, kind: ChangeKind, reuse?: string): () => string {
  let id = reuse;
  return () => (id ??= recordChange(session, kind));
}
