/**
 * The dimmed layer under every dialog. While open it owns the keyboard: Tab and Shift+Tab cycle inside it
 * (the page behind is unreachable), Escape closes the topmost dialog, keys do not reach the screen below
 * (the desk moves its selection on arrows), and focus goes back where it was when the dialog closes.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { focusInto, trapTab } from './dialog/focusTrap';

/** Open dialogs, innermost last: only the top one answers Escape and keeps Tab. */
const openStack: HTMLElement[] = [];

interface Props {
  onClose: () => void;
  children: ReactNode;
  /** A click on the dimmed area (outside the dialog) closes it too. */
  closeOnBackdropClick?: boolean;
}

export function DialogBackdrop({ onClose, children, closeOnBackdropClick = false }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const layer = ref.current;
    if (!layer) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openStack.push(layer);
    // autoFocus inside the dialog has already run (children mount first); otherwise focus the first control.
    if (!layer.contains(document.activeElement)) focusInto(layer);
    const isTop = () => openStack.at(-1) === layer;
    const onKey = (e: KeyboardEvent) => {
      if (!isTop() || e.isComposing) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
      } else if (e.key === 'Tab') trapTab(layer, e);
    };
    // Focus that lands outside (a click through, a script) is brought back in.
    const onFocusIn = (e: FocusEvent) => {
      if (isTop() && e.target instanceof Node && !layer.contains(e.target)) focusInto(layer);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      openStack.splice(openStack.indexOf(layer), 1);
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <div
      ref={ref}
      className="dialog-backdrop"
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        if (closeOnBackdropClick && e.target === e.currentTarget) onClose();
      }}
    >
      {children}
    </div>
  );
}
