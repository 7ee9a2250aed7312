/** A run of text with its marks and any find-and-replace highlight. */
import { memo } from 'react';
import type { RenderLeafProps } from 'slate-react';

export const Leaf = memo(function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  const found = (leaf as { findMatch?: 'current' | 'other' }).findMatch;
  const className = found ? (found === 'current' ? 'find-hit find-current' : 'find-hit') : undefined;
  return (
    <span {...attributes} className={className}>
      {out}
    </span>
  );
});
