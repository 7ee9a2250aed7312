/**
 * Keeps the caret visible while typing, cheaper than slate-react's default (which measures
 * every scrollable ancestor on every keystroke): one rectangle for the caret, one for the
 * story's scroll area, and a scroll only when the caret has left it.
 */
import type { ReactEditor } from 'slate-react';

/** Room kept above the caret for the sticky toolbar, and below it for the next line. */
const MARGIN_TOP = 64;
const MARGIN_BOTTOM = 32;

function scrollAreaOf(node: Node): HTMLElement {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return (el?.closest('.story-main') as HTMLElement | null) ?? (document.scrollingElement as HTMLElement);
}

export function scrollCaretIntoView(_editor: ReactEditor, range: globalThis.Range): void {
  let caret = range.getBoundingClientRect();
  // A caret at the start of an empty line has no box of its own; its element does.
  if (caret.height === 0) {
    const el = range.startContainer instanceof HTMLElement ? range.startContainer : range.startContainer.parentElement;
    if (!el) return;
    caret = el.getBoundingClientRect();
  }
  const area = scrollAreaOf(range.startContainer);
  const view =
    area === document.scrollingElement ? { top: 0, bottom: window.innerHeight } : area.getBoundingClientRect();
  if (caret.bottom > view.bottom - MARGIN_BOTTOM) area.scrollTop += caret.bottom - (view.bottom - MARGIN_BOTTOM);
  else if (caret.top < view.top + MARGIN_TOP) area.scrollTop -= view.top + MARGIN_TOP - caret.top;
}
