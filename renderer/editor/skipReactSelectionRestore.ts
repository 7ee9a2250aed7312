/**
 * React DOM saves and restores the selection of the focused element around every commit
 * (getSelectionInformation), and for a contenteditable it does so by walking every text
 * node from the top of the editor to the caret: O(story length) per keystroke, about 7 ms
 * at 10,000 paragraphs. Slate already owns the selection (it re-applies it after each
 * render), so React's copy is pure waste. React decides by reading the element's
 * `contentEditable` property; shadowing that property on this one element opts it out,
 * while the `contenteditable` attribute, which is what the browser edits by, is untouched.
 */
export function skipReactSelectionRestore(editable: HTMLElement): void {
  if (Object.prototype.hasOwnProperty.call(editable, 'contentEditable')) return;
  Object.defineProperty(editable, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => editable.setAttribute('contenteditable', value),
  });
}
