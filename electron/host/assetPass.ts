/**
 * Short-lived capability for photos: an <img> cannot send a header, so the page asks (with its
 * token) for a pass that goes into the photo URL path instead of a cookie. A pass is an expiry
 * and its HMAC under a key that never leaves the host; it opens /store-assets/ for minutes only.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from './hostAuth';

/** Long enough for a page to render its photos; the page asks for a new one well before it ends. */
export const ASSET_PASS_LIFETIME_MS = 10 * 60 * 1000;

export interface AssetPasses {
  issue(now?: number): { pass: string; expiresAt: number };
  valid(pass: string, now?: number): boolean;
}

export function assetPasses(lifetimeMs = ASSET_PASS_LIFETIME_MS): AssetPasses {
  const key = randomBytes(32);
  const mac = (expiresAt: number) => createHmac('sha256', key).update(`asset-pass:${expiresAt}`).digest('base64url');
  return {
    issue(now = Date.now()) {
      const expiresAt = now + lifetimeMs;
      return { pass: `${expiresAt}.${mac(expiresAt)}`, expiresAt };
    },
    valid(pass, now = Date.now()) {
      const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(pass);
      if (!match) return false;
      const expiresAt = Number(match[1]);
      // A pass from the future beyond one lifetime was not issued by this host.
      if (expiresAt <= now || expiresAt > now + lifetimeMs) return false;
      return sameSecret(match[2]!, mac(expiresAt));
    },
  };
}
