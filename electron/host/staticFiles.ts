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

/**
 * The file a renderer path names, or the status that refuses it. Judged on the resolved path and
 * only for the kinds of file a page loads, so `x.js.map/`, `x.js.MAP` or `x.js.map/.` do not slip
 * by: source maps and anything else left in the folder stay unserved. Shared with the app protocol.
 */
export function rendererFile(root: string, pathname: string): { file: string; type: string } | { status: number } {
  const rel = pathname === '/' ? 'index.html' : safeDecode(pathname.replace(/^\/+/, ''));
  if (rel === null) return { status: 400 };
  let file: string;
  try {
    file = resolveInside(root, rel);
  } catch {
    return { status: 403 };
  }
  const type = TYPES[extname(file).toLowerCase()];
  return type ? { file, type } : { status: 404 };
}

export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const found = rendererFile(root, pathname);
  if ('status' in found) {
    res.writeHead(found.status, { 'content-type': 'text/plain' }).end('not served');
    return;
  }
  try {
    const body = await readFile(found.file);
    res.writeHead(200, {
      'content-type': found.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
