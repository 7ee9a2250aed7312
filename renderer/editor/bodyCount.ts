/**
 * 字数 of the body, cheap per keystroke: Slate replaces only the blocks an edit touches,
 * so each untouched block's count is found again by identity in a WeakMap. Suggested
 * deletions are not counted (the count is of the text as if accepted).
 */
import type { Descendant } from 'slate';
import type { Block } from '../../shared/model/document';
import { countChars } from '../../shared/rules/charCount';
import { acceptedBlockText } from '../../shared/rules/suggestions/acceptedText';

const bodyCache = new WeakMap<object, number>();
const captionCache = new WeakMap<object, number>();

function cached(cache: WeakMap<object, number>, block: Block, count: (b: Block) => number): number {
  let n = cache.get(block);
  if (n === undefined) {
    n = count(block);
    cache.set(block, n);
  }
  return n;
}

export function countBodyCached(blocks: readonly Descendant[]): { body: number; captions: number } {
  let body = 0;
  let captions = 0;
  for (const node of blocks) {
    const block = node as Block;
    if (block.type === 'photo')
      captions += cached(captionCache, block, (b) => countChars((b as { caption: string }).caption));
    else body += cached(bodyCache, block, (b) => countChars(acceptedBlockText(b)));
  }
  return { body, captions };
}
