/** The text blocks of a story: paragraph, 小标题, quote and 落款, each memoised on its element. */
import { memo } from 'react';
import type { RenderElementProps } from 'slate-react';

type Props = Pick<RenderElementProps, 'attributes' | 'children'>;

export const Paragraph = memo(function Paragraph({ attributes, children }: Props) {
  return (
    <p {...attributes} className="blk blk-p">
      {children}
    </p>
  );
});

export const Subhead = memo(function Subhead({ attributes, children }: Props) {
  return (
    <h3 {...attributes} className="blk blk-subhead">
      {children}
    </h3>
  );
});

export const Quote = memo(function Quote({ attributes, children }: Props) {
  return (
    <blockquote {...attributes} className="blk blk-quote">
      {children}
    </blockquote>
  );
});

export const Signature = memo(function Signature({ attributes, children }: Props) {
  return (
    <p {...attributes} className="blk blk-signature">
      {children}
    </p>
  );
});
