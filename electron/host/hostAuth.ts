/**
 * Who may talk to the loopback host: requests must carry the session token (query,
 * bearer header or the cookie set when the tokened URL is first opened) and name the
 * loopback address we serve in Host and, when present, Origin. This stops other local
 * users' pages and DNS-rebinding sites from reaching the store.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'newsdesk_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function tokenFromRequest(req: IncomingMessage, url: URL): string | null {
  const q = url.searchParams.get('token');
  if (q) return q;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return decodeURIComponent(v.join('='));
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
  const given = tokenFromRequest(req, url);
  if (!given || !sameToken(given, token)) return { ok: false, status: 401, reason: 'token required' };
  return { ok: true, viaQuery: url.searchParams.has('token') };
}
