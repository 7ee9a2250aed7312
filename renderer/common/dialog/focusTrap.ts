/** Which elements Tab can reach inside a dialog, and keeping Tab among them. */

const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]',
  '[contenteditable="true"]',
].join(',');

/** The elements Tab stops at inside `root`, in document order (hidden and tabindex=-1 left out). */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.hidden && el.getClientRects().length > 0,
  );
}

/** Focuses the first control inside `root`, or the dialog box itself when it has none. */
export function focusInto(root: HTMLElement): void {
  const first = tabbables(root)[0];
  if (first) first.focus();
  else {
    const box = root.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]') ?? root;
    if (!box.hasAttribute('tabindex')) box.tabIndex = -1;
    box.focus();
  }
}

/** Wraps Tab from the last control to the first and Shift+Tab from the first to the last. */
export function trapTab(root: HTMLElement, e: KeyboardEvent): void {
  const list = tabbables(root);
  if (list.length === 0) {
    e.preventDefault();
    return;
  }
  const first = list[0]!;
  const last = list.at(-1)!;
  const active = document.activeElement;
  const inside = active instanceof Node && root.contains(active);
  if (e.shiftKey && (!inside || active === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || active === last)) {
    e.preventDefault();
    first.focus();
  }
}
