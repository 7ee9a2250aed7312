/** Maps each block type to its component; the one place the editor learns how blocks look. */
import type { RenderChunkProps, RenderElementProps } from 'slate-react';
import { Photo } from './Photo';
import { Paragraph, Quote, Signature, Subhead } from './TextBlocks';

export function renderElement({ attributes, children, element }: RenderElementProps) {
  switch (element.type) {
    case 'subhead':
      return (
        <Subhead attributes={attributes} element={element}>
          {children}
        </Subhead>
      );
    case 'quote':
      return (
        <Quote attributes={attributes} element={element}>
          {children}
        </Quote>
      );
    case 'signature':
      return (
        <Signature attributes={attributes} element={element}>
          {children}
        </Signature>
      );
    case 'photo':
      return (
        <Photo attributes={attributes} element={element}>
          {children}
        </Photo>
      );
    default:
      return (
        <Paragraph attributes={attributes} element={element}>
          {children}
        </Paragraph>
      );
  }
}

/** Lowest chunks are skipped by layout and paint while off screen: a long story costs what is visible. */
export function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  return (
    <div {...attributes} className={lowest ? 'chunk chunk-lowest' : 'chunk'}>
      {children}
    </div>
  );
}
