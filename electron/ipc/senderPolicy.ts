/** Which renderer frames may call the contract: only the top frame of our own origin. */
export const APP_ORIGIN = 'app://newsdesk';

export interface SenderFrame {
  url: string;
  /** False for iframes: an embedded frame never gets the store, whatever it loads. */
  isTopFrame: boolean;
}

/**
 * Node's URL gives origin "null" for custom schemes such as app:, so the scheme and host
 * are compared instead of `origin`.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'newsdesk' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.isTopFrame && isAppUrl(frame.url);
}
