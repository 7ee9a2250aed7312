/**
 * Who may talk to the loopback host: requests must carry the session token (query,
 * bearer header or the cookie set when the tokened URL is first opened) and name the
 * loopback address we serve in Host and, when present, Origin. This stops other local
 * users' pages and DNS-rebinding sites from reaching the store.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The cookie's name carries the port: cookies are not isolated by port, so a page served on
 * another local port could otherwise read (if not HttpOnly) or plant a `newsdesk_token` for ours.
 */
export function tokenCookieName(port: number): string {
  return `newsdesk_token_${port}`;
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

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token the request carries; `undefined` when a cookie carrying it is malformed. */
export function tokenFromRequest(req: IncomingMessage, url: URL, port: number): string | null | undefined {
  const q = url.searchParams.get('token');
  if (q) return q;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const cookie = req.headers.cookie ?? '';
  const name = tokenCookieName(port);
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return safeDecode(v.join('=')) ?? undefined;
  }
  return null;
}

export type AuthVerdict = { ok: true; viaQuery: boolean } | { ok: false; status: number; reason: string };

export function checkRequest(req: IncomingMessage, url: URL, token: string, port: number): AuthVerdict {
  const allowedHosts = new Set([`127.0.0.1:${port}`]);
  if (!req.headers.host || !allowedHosts.has(req.headers.host)) {
    return { ok: false, status: 403, reason: 'host not allowed' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}`) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  const given = tokenFromRequest(req, url, port);
  if (given === undefined) return { ok: false, status: 400, reason: 'malformed cookie' };
  if (!given || !sameToken(given, token)) return { ok: false, status: 401, reason: 'token required' };
  return { ok: true, viaQuery: url.searchParams.has('token') };
}
