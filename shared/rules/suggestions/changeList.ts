/**
 * The pending suggestions as a review list shows them: header fields, body and credits in screen
 * order, with who, when and the words involved. A replacement is one item (the struck words and the
 * new ones); changes made by one act (a replace-all) share a group.
 */
import type { TrackedFields, TrackedItem } from '../../model/trackedFields';
import type { StoryDocument } from '../../model/document';
import { formatPhotoCredit, type Byline, type Correspondent } from '../../model/people';
import type { ChangeKind, ChangeRecord } from '../../model/suggestions';

export type ChangeWhere =
  'body' | 'kicker' | 'headline' | 'subheadline' | 'source' | 'deskNote' | 'bylines' | 'correspondents';

export interface ChangeListItem {
  id: string;
  kind: ChangeKind;
  author: string | null;
  role: ChangeRecord['role'] | null;
  at: string | null;
  /** The inserted or deleted words (a paragraph break shows as ¶), cut to a readable length. */
  text: string;
  /** The words struck and the words put in, each cut to a readable length (a replacement has both). */
  removed: string;
  added: string;
  /** The block the change first appears in (0 for a header field). */
  block: number;
  where: ChangeWhere;
  /** The act the change was part of (a replace-all, a lint accept-all), or null. */
  group: string | null;
}

const EXCERPT = 40;

const clip = (s: string) => s.slice(0, EXCERPT);

function creditText(value: Byline | Correspondent): string {
  return 'role' in value ? `${value.role} ${value.name}` : value.name;
}

export function changeList(
  body: StoryDocument,
  changes: Iterable<ChangeRecord>,
  tracked?: TrackedFields,
): ChangeListItem[] {
  const table = new Map<string, ChangeRecord>();
  for (const c of changes) table.set(c.id, c);
  const items = new Map<string, ChangeListItem>();
  /** Where each change's last piece was (place, index), so pieces apart from each other read as apart. */
  const last = new Map<string, string>();
  const touch = (
    id: string,
    kind: ChangeKind,
    where: ChangeWhere,
    block: number,
    text: string,
    side: 'removed' | 'added' | 'mark',
    at: string,
    next: string,
  ) => {
    let item = items.get(id);
    if (!item) {
      const row = table.get(id);
      item = {
        id,
        kind: row?.kind ?? kind,
        author: row?.author ?? null,
        role: row?.role ?? null,
        at: row?.at ?? null,
        text: '',
        removed: '',
        added: '',
        block,
        where,
        group: row?.group ?? null,
      };
      items.set(id, item);
    }
    // An id seen both struck and inserted is a replacement, whatever the table says.
    if ((item.kind === 'insert' && side === 'removed') || (item.kind === 'delete' && side === 'added'))
      item.kind = 'replace';
    const apart = last.has(id) && last.get(id) !== at;
    const glue = apart ? '…' : '';
    if (item.text.length < EXCERPT) item.text = clip(item.text + glue + text);
    if (side === 'removed' && item.removed.length < EXCERPT)
      item.removed = clip(item.removed + (item.removed && apart ? '…' : '') + text);
    if (side === 'added' && item.added.length < EXCERPT)
      item.added = clip(item.added + (item.added && apart ? '…' : '') + text);
    if (side === 'mark') item.added = clip(item.added + text);
    last.set(id, next);
  };
  const runs = (where: ChangeWhere, list: readonly { text: string; ins?: string; del?: string }[] | undefined) => {
    list?.forEach((r, i) => {
      if (r.text === '') return;
      if (r.ins !== undefined) touch(r.ins, 'insert', where, 0, r.text, 'added', `${where}:${i}`, `${where}:${i + 1}`);
      if (r.del !== undefined)
        touch(r.del, 'delete', where, 0, r.text, 'removed', `${where}:${i}`, `${where}:${i + 1}`);
    });
  };
  const credits = (where: ChangeWhere, list: readonly TrackedItem<Byline | Correspondent>[] | undefined) => {
    list?.forEach((it, i) => {
      const text = creditText(it.value);
      if (it.ins !== undefined) touch(it.ins, 'insert', where, 0, text, 'added', `${where}:${i}`, `${where}:${i + 1}`);
      if (it.del !== undefined)
        touch(it.del, 'delete', where, 0, text, 'removed', `${where}:${i}`, `${where}:${i + 1}`);
    });
  };
  runs('kicker', tracked?.kicker);
  runs('headline', tracked?.headline);
  runs('subheadline', tracked?.subheadline);
  body.forEach((block, b) => {
    if (block.type === 'photo') {
      // A photo's caption and credit, listed where the photo stands in the body.
      block.tracked?.caption?.forEach((r, i) => {
        if (r.text === '') return;
        const here = `b${b}:c${i}`;
        const next = `b${b}:c${i + 1}`;
        if (r.ins !== undefined) touch(r.ins, 'insert', 'body', b, r.text, 'added', here, next);
        if (r.del !== undefined) touch(r.del, 'delete', 'body', b, r.text, 'removed', here, next);
      });
      block.tracked?.credit?.forEach((it, i) => {
        const text = formatPhotoCredit(it.value);
        const here = `b${b}:p${i}`;
        const next = `b${b}:p${i + 1}`;
        if (it.ins !== undefined) touch(it.ins, 'insert', 'body', b, text, 'added', here, next);
        if (it.del !== undefined) touch(it.del, 'delete', 'body', b, text, 'removed', here, next);
      });
      return;
    }
    if (block.split !== undefined) touch(block.split, 'split', 'body', b, '¶', 'mark', `b${b}:s`, `b${b}:0`);
    if (block.join !== undefined) touch(block.join, 'join', 'body', b, '¶', 'removed', `b${b}:s`, `b${b}:0`);
    block.children.forEach((leaf, i) => {
      // Empty text proposes nothing (see suggestionIds).
      if (leaf.text === '') return;
      const here = `b${b}:${i}`;
      const next = `b${b}:${i + 1}`;
      if (leaf.ins !== undefined) touch(leaf.ins, 'insert', 'body', b, leaf.text, 'added', here, next);
      if (leaf.del !== undefined) touch(leaf.del, 'delete', 'body', b, leaf.text, 'removed', here, next);
    });
  });
  runs('source', tracked?.source);
  credits('bylines', tracked?.bylines);
  credits('correspondents', tracked?.correspondents);
  runs('deskNote', tracked?.deskNote);
  return [...items.values()];
}

/** The people with pending suggestions, for "accept all of one person's changes". */
export function changeAuthors(items: readonly ChangeListItem[]): string[] {
  return [...new Set(items.map((i) => i.author).filter((a): a is string => a !== null))];
}

/** Items in list order, consecutive members of one group gathered (a replace-all reads as one act). */
export function groupChanges(items: readonly ChangeListItem[]): { group: string | null; items: ChangeListItem[] }[] {
  const out: { group: string | null; items: ChangeListItem[] }[] = [];
  const byGroup = new Map<string, { group: string | null; items: ChangeListItem[] }>();
  for (const item of items) {
    if (item.group === null) {
      out.push({ group: null, items: [item] });
      continue;
    }
    let g = byGroup.get(item.group);
    if (!g) {
      g = { group: item.group, items: [] };
      byGroup.set(item.group, g);
      out.push(g);
    }
    g.items.push(item);
  }
  return out;
}
