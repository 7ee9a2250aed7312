/**
 * Who may talk to the loopback host. Nothing rides in a cookie: cookies ignore ports, so every
 * other server on 127.0.0.1 would receive it. A call carries a token in the Authorization header
 * (HTTP) or in the WebSocket handshake's Sec-WebSocket-Protocol (browsers cannot set headers on a
 * WebSocket), and names the loopback address we serve in Host and, when present, Origin.
 *
 * Two tokens: the owner token (published in the store's 0600 lock file, for the CLI and other
 * processes of this user) reaches the whole registry; the page token (in the URL fragment the
 * browser opens, kept in the page's sessionStorage) reaches it through the renderer policy, which
 * never lets a call name a path.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The subprotocol the page offers (and the host selects) beside the one carrying its token. */
export const WS_PROTOCOL = 'newsdesk';
export const WS_TOKEN_PREFIX = 'newsdesk-token.';

export type Credential = 'owner' | 'page';

export interface HostTokens {
  owner: string;
  page: string;
}

/** decodeURIComponent that reports malformed percent-encoding (e.g. %E0) as null instead of throwing. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The request target as a URL, or null when it cannot be parsed. */
export function requestUrl(req: IncomingMessage, port: number): URL | null {
  const target = req.url ?? '/';
  // Only origin-form targets ("/path?query"); "//host/x" or absolute URLs would change the URL's host.
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a request carries: a bearer header, or the WebSocket subprotocol that holds it. */
export function tokenFromRequest(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const protocols = req.headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    for (const part of protocols.split(',')) {
      const p = part.trim();
      if (p.startsWith(WS_TOKEN_PREFIX)) return p.slice(WS_TOKEN_PREFIX.length);
    }
  }
  return null;
}

export type AuthVerdict = { ok: true; credential: Credential } | { ok: false; status: number; reason: string };

/** Host and Origin must name the loopback address we serve: stops DNS rebinding and other sites. */
export function checkAddress(req: IncomingMessage, port: number): AuthVerdict | null {
  if (req.headers.host !== `127.0.0.1:${port}`) return { ok: false, status: 403, reason: 'host not allowed' };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}`) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  return null;
}

export function checkRequest(req: IncomingMessage, tokens: HostTokens, port: number): AuthVerdict {
  const refused = checkAddress(req, port);
  if (refused) return refused;
  const given = tokenFromRequest(req);
  if (given && sameSecret(given, tokens.owner)) return { ok: true, credential: 'owner' };
  if (given && sameSecret(given, tokens.page)) return { ok: true, credential: 'page' };
  return { ok: false, status: 401, reason: 'token required' };
}
