/** The pending suggestions as a review list shows them: in body order, with who, when and the words involved. */
import type { StoryDocument } from '../../model/document';
import type { ChangeKind, ChangeRecord } from '../../model/suggestions';

export interface ChangeListItem {
  id: string;
  kind: ChangeKind;
  author: string | null;
  role: ChangeRecord['role'] | null;
  at: string | null;
  /** The inserted or deleted words (a paragraph break shows as ¶), cut to a readable length. */
  text: string;
  /** The block the change first appears in. */
  block: number;
}

const EXCERPT = 40;

export function changeList(body: StoryDocument, changes: Iterable<ChangeRecord>): ChangeListItem[] {
  const table = new Map<string, ChangeRecord>();
  for (const c of changes) table.set(c.id, c);
  const items = new Map<string, ChangeListItem>();
  /** Where each change's last piece was (block, leaf), so pieces apart from each other read as apart. */
  const last = new Map<string, [number, number]>();
  const touch = (id: string, kind: ChangeKind, block: number, text: string, leaf = -1) => {
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
        block,
      };
      items.set(id, item);
    }
    const prev = last.get(id);
    const apart = prev !== undefined && !(prev[0] === block && prev[1] + 1 === leaf);
    if (item.text.length < EXCERPT) item.text = (item.text + (apart ? '…' : '') + text).slice(0, EXCERPT);
    last.set(id, [block, leaf]);
  };
  body.forEach((block, b) => {
    if (block.type === 'photo') return;
    if (block.split !== undefined) touch(block.split, 'split', b, '¶');
    if (block.join !== undefined) touch(block.join, 'join', b, '¶');
    block.children.forEach((leaf, i) => {
      // Empty text proposes nothing (see suggestionIds).
      if (leaf.text === '') return;
      if (leaf.ins !== undefined) touch(leaf.ins, 'insert', b, leaf.text, i);
      if (leaf.del !== undefined) touch(leaf.del, 'delete', b, leaf.text, i);
    });
  });
  return [...items.values()];
}

/** The people with pending suggestions, for "accept all of one person's changes". */
export function changeAuthors(items: readonly ChangeListItem[]): string[] {
  return [...new Set(items.map((i) => i.author).filter((a): a is string => a !== null))];
}
