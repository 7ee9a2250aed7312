/** Serves the built renderer from one folder, with the same CSP the Electron window gets. */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { resolveInside } from '../services/safePath';
import { safeDecode } from './hostAuth';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** No remote content: scripts, styles, images and connections stay on our own origin. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : safeDecode(pathname.replace(/^\/+/, ''));
  if (rel === null) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path encoding');
    return;
  }
  // Source maps would hand the whole source to anyone who can reach the port; never served.
  if (rel.endsWith('.map')) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  let file: string;
  try {
    file = resolveInside(root, rel);
  } catch {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
