/** A run of text with its marks, any suggestion (留痕) or comment anchor, and any find-and-replace highlight. */
import { memo, type CSSProperties } from 'react';
import { useSlateStatic, type RenderLeafProps } from 'slate-react';
import { authorSlotIn } from '../suggestions/authorColour';
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
  let style: CSSProperties | undefined;
  // slate-react's pending-marks placeholder unsets marks as null: null means absent here.
  const ins = leaf.ins ?? undefined;
  const del = leaf.del ?? undefined;
  if (ins !== undefined || del !== undefined) {
    const session = sessionOf(editor);
    const table = session?.table;
    // The deleting person's colour wins on a deleted insertion: the strike is the newer act.
    const id = (del ?? ins)!;
    const row = table?.get(id);
    // The composing placeholder's id is not in the table yet: it is the user's own.
    const author = row?.author ?? (del === undefined ? session?.author : undefined);
    classes.push(del !== undefined ? 'sg-del' : 'sg-ins', `sg-author-${authorSlotIn(table, author)}`);
    if (ins !== undefined) tracked['data-ins'] = ins;
    // A deleted insertion keeps its inserter's underline beneath the red strike.
    if (ins !== undefined && del !== undefined)
      style = { ['--sg-under' as string]: `var(--sg-${authorSlotIn(table, table?.get(ins)?.author)})` };
    if (del !== undefined) tracked['data-del'] = del;
    if (row) tracked.title = `${row.author} · ${row.at.slice(0, 16).replace('T', ' ')}`;
  }
  if (leaf.comments && leaf.comments.length > 0) {
    classes.push(leaf.comments.length > 1 ? 'cm-anchor cm-overlap' : 'cm-anchor');
    tracked['data-comments'] = leaf.comments.join(' ');
  }
  return (
    <span {...attributes} {...tracked} style={style} className={classes.length > 0 ? classes.join(' ') : undefined}>
      {out}
    </span>
  );
});
