/**
 * The browser host's page token: handed over once in the URL fragment (never sent to any server),
 * then kept in this tab's sessionStorage (which no other origin, including other loopback ports,
 * can read) and taken out of the address bar and history.
 */
const STORAGE_KEY = 'newsdesk.hostToken';
const FRAGMENT = /^#token=([A-Za-z0-9_-]{16,128})$/;

export function takeHostToken(
  loc: Pick<Location, 'hash' | 'pathname' | 'search'> = location,
  storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage,
  history: Pick<History, 'replaceState'> = window.history,
): string | null {
  const match = FRAGMENT.exec(loc.hash);
  if (match) {
    storage.setItem(STORAGE_KEY, match[1]!);
    history.replaceState(null, '', `${loc.pathname}${loc.search}`);
  }
  return storage.getItem(STORAGE_KEY);
}
