/** The text blocks of a story: paragraph, 小标题, quote and 落款, each memoised on its element. */
import { memo } from 'react';
import type { RenderElementProps } from 'slate-react';
import type { TextBlock } from '../../../shared/model/document';

type Props = Pick<RenderElementProps, 'attributes' | 'children'> & { element?: TextBlock };

/** A suggested paragraph break (split) or removal of one (join) shows on the block after it. */
function boundary(element: TextBlock | undefined): Record<string, string> {
  if (!element) return {};
  const out: Record<string, string> = {};
  if (element.split !== undefined) out['data-split'] = element.split;
  if (element.join !== undefined) out['data-join'] = element.join;
  return out;
}

export const Paragraph = memo(function Paragraph({ attributes, children, element }: Props) {
  return (
    <p {...attributes} {...boundary(element)} className="blk blk-p">
      {children}
    </p>
  );
});

export const Subhead = memo(function Subhead({ attributes, children, element }: Props) {
  return (
    <h3 {...attributes} {...boundary(element)} className="blk blk-subhead">
      {children}
    </h3>
  );
});

export const Quote = memo(function Quote({ attributes, children, element }: Props) {
  return (
    <blockquote {...attributes} {...boundary(element)} className="blk blk-quote">
      {children}
    </blockquote>
  );
});

export const Signature = memo(function Signature({ attributes, children, element }: Props) {
  return (
    <p {...attributes} {...boundary(element)} className="blk blk-signature">
      {children}
    </p>
  );
});
