/** Matches keyboard shortcuts written as "mod+shift+z"; mod is Cmd on macOS and Ctrl elsewhere. */
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function isHotkey(
  spec: string,
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): boolean {
  const parts = spec.toLowerCase().split('+');
  const key = parts.pop()!;
  const want = { mod: false, shift: false, alt: false };
  for (const p of parts) if (p in want) want[p as keyof typeof want] = true;
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  if (mod !== want.mod || event.shiftKey !== want.shift || event.altKey !== want.alt) return false;
  // With Shift held, event.key is upper-case ("Z"); compare case-insensitively.
  return event.key.toLowerCase() === key;
}
