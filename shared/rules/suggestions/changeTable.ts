/** The article's change table kept in step with the body: which ids exist, who made them, what is pending. */
import type { ArticleContent } from '../../model/article';
import type { StoryDocument } from '../../model/document';
import type { ChangeKind, ChangeRecord, CommentThread } from '../../model/suggestions';
import type { UserRole } from '../../model/status';
import { fieldSuggestionIds, fieldsStateOf } from './trackedFields';
import { photoSuggestionIds } from './photoSuggestions';

/** Every suggestion id in the body with the kind it has there (an id on a deleted insertion is both: insert wins). */
export function suggestionIds(body: StoryDocument): Map<string, ChangeKind> {
  const ids = new Map<string, ChangeKind>();
  const see = (id: string | undefined, kind: ChangeKind) => {
    if (id !== undefined && !ids.has(id)) ids.set(id, kind);
  };
  for (const block of body) {
    if (block.type === 'photo') {
      for (const [id, kind] of photoSuggestionIds(block)) see(id, kind);
      continue;
    }
    see(block.split, 'split');
    see(block.join, 'join');
    for (const leaf of block.children) {
      // Empty text proposes nothing (the resolver merges it away), so an id found only there is no suggestion.
      if (leaf.text === '') continue;
      see(leaf.ins, 'insert');
      see(leaf.del, 'delete');
    }
  }
  return ids;
}

/** Every suggestion id of an article: the body's, then the header fields' and credits'. */
export function articleSuggestionIds(article: Pick<ArticleContent, 'body' | 'tracked'>): Map<string, ChangeKind> {
  const ids = suggestionIds(article.body);
  const t = article.tracked;
  if (!t) return ids;
  // Only the tracked parts matter here; plain values stand in for the rest.
  const state = fieldsStateOf({
    kicker: '',
    headline: '',
    subheadline: '',
    source: '',
    deskNote: '',
    bylines: [],
    correspondents: [],
    tracked: t,
  });
  for (const [id, place] of fieldSuggestionIds(state)) if (!ids.has(id)) ids.set(id, place.kind);
  return ids;
}

/** Rows whose id is still in the body or the fields, in table order: resolved and undone suggestions drop out. */
export function pruneChanges(
  changes: Iterable<ChangeRecord>,
  body: StoryDocument,
  tracked?: ArticleContent['tracked'],
): ChangeRecord[] {
  const live = articleSuggestionIds({ body, tracked });
  const out: ChangeRecord[] = [];
  for (const c of changes) if (live.has(c.id)) out.push(c);
  return out;
}

export interface PendingSuggestion {
  id: string;
  kind: ChangeKind;
  /** Null when the body carries an id the table does not know (e.g. text pasted from an older copy). */
  author: string | null;
  role: UserRole | null;
  at: string | null;
}

/**
 * The suggestions an article still carries, for the export gate and the desk: an article with
 * any is not final copy. Pure, so export and the store apply the same test.
 */
export function pendingSuggestions(
  article: Pick<ArticleContent, 'body' | 'changes'> & Partial<Pick<ArticleContent, 'tracked'>>,
): PendingSuggestion[] {
  const table = new Map((article.changes ?? []).map((c) => [c.id, c]));
  const out: PendingSuggestion[] = [];
  for (const [id, kind] of articleSuggestionIds({ body: article.body, tracked: article.tracked })) {
    const row = table.get(id);
    out.push(row ? { ...row } : { id, kind, author: null, role: null, at: null });
  }
  return out;
}

/** Comment ids anchored somewhere in the body. */
export function anchoredCommentIds(body: StoryDocument): Set<string> {
  const ids = new Set<string>();
  for (const block of body) {
    if (block.type === 'photo') continue;
    for (const leaf of block.children) for (const id of leaf.comments ?? []) ids.add(id);
  }
  return ids;
}

/** Open (unresolved) comment threads; a detached one still counts until someone resolves it. */
export function openComments(article: Pick<ArticleContent, 'comments'>): CommentThread[] {
  return (article.comments ?? []).filter((c) => !c.resolved);
}

/** Ids of one person's suggestions, for "accept all of 张三's changes". */
export function idsByAuthor(changes: Iterable<ChangeRecord>, author: string): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) if (c.author === author) ids.add(c.id);
  return ids;
}
