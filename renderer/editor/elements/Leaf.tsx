/** A run of text with its marks, any suggestion (留痕) or comment anchor, and any find-and-replace highlight. */
import { memo } from 'react';
import { useSlateStatic, type RenderLeafProps } from 'slate-react';
import { authorSlot } from '../suggestions/authorColour';
import { sessionOf } from '../suggestions/session';

export const Leaf = memo(function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  const editor = useSlateStatic();
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  const found = (leaf as { findMatch?: 'current' | 'other' }).findMatch;
  const classes: string[] = [];
  if (found) classes.push(found === 'current' ? 'find-hit find-current' : 'find-hit');
  const tracked: Record<string, string> = {};
  if (leaf.ins !== undefined || leaf.del !== undefined) {
    const table = sessionOf(editor)?.table;
    // The deleting person's colour wins on a deleted insertion: the strike is the newer act.
    const id = (leaf.del ?? leaf.ins)!;
    const row = table?.get(id);
    classes.push(leaf.del !== undefined ? 'sg-del' : 'sg-ins', `sg-author-${authorSlot(row?.author)}`);
    if (leaf.ins !== undefined) tracked['data-ins'] = leaf.ins;
    if (leaf.del !== undefined) tracked['data-del'] = leaf.del;
    if (row) tracked.title = `${row.author} · ${row.at.slice(0, 16).replace('T', ' ')}`;
  }
  if (leaf.comments && leaf.comments.length > 0) {
    classes.push(leaf.comments.length > 1 ? 'cm-anchor cm-overlap' : 'cm-anchor');
    tracked['data-comments'] = leaf.comments.join(' ');
  }
  return (
    <span {...attributes} {...tracked} className={classes.length > 0 ? classes.join(' ') : undefined}>
      {out}
    </span>
  );
});
