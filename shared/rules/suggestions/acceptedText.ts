/** The body as it would read with every suggestion accepted: what 字数, copy-fit and the checks count. */
import type { Block, StoryDocument } from '../../model/document';
import { acceptAll } from './resolveSuggestions';

/** A block's text with suggested deletions left out (splits and joins add or remove no characters). */
export function acceptedBlockText(block: Block): string {
  if (block.type === 'photo') return '';
  let out = '';
  for (const leaf of block.children) if (leaf.del === undefined) out += leaf.text;
  return out;
}

/** Whether any block carries a suggestion; cheap enough to decide whether accepting is needed at all. */
export function hasSuggestions(body: StoryDocument): boolean {
  for (const block of body) {
    if (block.type === 'photo') {
      if (block.tracked) return true;
      continue;
    }
    if (block.split !== undefined || block.join !== undefined) return true;
    for (const leaf of block.children) if (leaf.ins !== undefined || leaf.del !== undefined) return true;
  }
  return false;
}

/** The accepted body; the same object when nothing is pending, so callers pay nothing for clean copy. */
export function acceptedDocument(body: StoryDocument): StoryDocument {
  return hasSuggestions(body) ? acceptAll(body) : body;
}
